"""The people the demo's texts name, with the choice a secretariat would make: officials who act
in public (the chair, a wethouder) by name, a civil servant by role only, as Woo practice does."""

# (name as in the texts, role shown instead, publish the name)
NAMED_PEOPLE = [
    # The chair signs the letters and is named on the "Over de raad" page.
    ("Aljona Wertheim", "de voorzitter", True),
    # "wethouder Van Willigen" in the 2022 meeting report: a wethouder acts in public.
    ("Van Willigen", "de wethouder", True),
    # "de projectleider Anke van Beckhoven" in the college's reply of 2019: a civil servant.
    ("Anke van Beckhoven", "van de gemeente", False),
]
