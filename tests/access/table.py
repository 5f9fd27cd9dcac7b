"""What each role may do, as one table: the README's role table in the form the role matrix
checks. ``MAY`` says which roles hold each capability; ``URLS`` says which capability every
URL needs (the first matching line decides; a URL that matches no line fails the matrix, so a
new URL has to be placed here)."""

ANONYMOUS = "anoniem"
MEMBER = "Raadsleden"
SECRETARY = "Secretariaat"
CLERK = "Gemeente"
ROLES = [ANONYMOUS, MEMBER, SECRETARY, CLERK]

EVERYONE = frozenset(ROLES)
STAFF = frozenset({MEMBER, SECRETARY, CLERK})
COUNCIL = frozenset({MEMBER, SECRETARY})
NOBODY = frozenset()  # an administrator (superuser) only, or nothing to see at all

MAY = {
    "read the public site (sent advice, published pages, public documents, feeds, API)": EVERYONE,
    "sign in": EVERYONE,
    "use the admin: dashboard, own account, link choosers, history of what one may see": STAFF,
    "write and edit pages; see drafts of pages": COUNCIL,
    "publish, unpublish, lock and unlock pages; page privacy": frozenset({SECRETARY}),
    "delete a page that is not published": COUNCIL,
    "delete a published page": NOBODY,
    "upload and choose documents and images; see the council's draft documents": COUNCIL,
    "edit and delete documents and images of others": frozenset({SECRETARY}),
    "draft advice letters and see them before they are sent": COUNCIL,
    "delete letters that are not adopted": frozenset({SECRETARY}),
    "adopt and send letters (each after a confirmation screen)": frozenset({SECRETARY}),
    "choose a sent letter (to record the college's reply)": STAFF,
    "add errata to sent letters; manage themes and the council's settings": frozenset({SECRETARY}),
    "see the college's reply, verdicts, commitments and progress": STAFF,
    "record the college's reply, verdicts, commitments and progress": frozenset({CLERK}),
    "give the council's assessment of an answer": COUNCIL,
    "manage accounts of council members and municipal staff": frozenset({SECRETARY}),
    "unlock a login that is locked after wrong passwords": frozenset({SECRETARY}),
    "change an administrator's or another secretary's account; delete accounts; groups": NOBODY,
    "sites, collections, workflows, redirects; delete what the college or council recorded": (
        NOBODY
    ),
    "unsent drafts on the public site": NOBODY,
    "change what was sent (restore an old version over a sent letter)": NOBODY,
    "take offline a page that is not online": NOBODY,
    # -- issue 13: requests for advice (admin) --
    "see requests for advice and their status page": STAFF,
    "submit (municipality) or register (secretariat) a request; edit an open one": frozenset(
        {SECRETARY, CLERK}
    ),
    "take up, decline or resume a request; extend its term": frozenset({SECRETARY}),
    # -- issue 13, decisions: the decision after the advice ------------------------------
    "see the decisions taken after the advice": STAFF,
    "record the decision after the advice, per recommendation": frozenset({CLERK}),
    # -- the annual report (app annual) --
    "read annual reports before they are published (list, preview)": COUNCIL,
    "write and publish the annual report": frozenset({SECRETARY}),
    # -- issue 14: the archive export (MDTO) --
    "download the archive package (MDTO) of a period": frozenset({SECRETARY}),
}

PUBLIC = "read the public site (sent advice, published pages, public documents, feeds, API)"
ADMIN = "use the admin: dashboard, own account, link choosers, history of what one may see"
PAGES = "write and edit pages; see drafts of pages"
PUBLISH = "publish, unpublish, lock and unlock pages; page privacy"
DELETE_DRAFT_PAGE = "delete a page that is not published"
DELETE_LIVE_PAGE = "delete a published page"
MEDIA = "upload and choose documents and images; see the council's draft documents"
MEDIA_OTHERS = "edit and delete documents and images of others"
LETTERS = "draft advice letters and see them before they are sent"
DELETE_LETTERS = "delete letters that are not adopted"
ADOPT_AND_SEND = "adopt and send letters (each after a confirmation screen)"
CHOOSE_SENT = "choose a sent letter (to record the college's reply)"
SECRETARIAT = "add errata to sent letters; manage themes and the council's settings"
SEE_COLLEGE = "see the college's reply, verdicts, commitments and progress"
RECORD_COLLEGE = "record the college's reply, verdicts, commitments and progress"
ASSESS = "give the council's assessment of an answer"
ACCOUNTS = "manage accounts of council members and municipal staff"
UNLOCK = "unlock a login that is locked after wrong passwords"
POWER = "change an administrator's or another secretary's account; delete accounts; groups"
ADMINISTRATOR = (
    "sites, collections, workflows, redirects; delete what the college or council recorded"
)
DRAFTS_IN_PUBLIC = "unsent drafts on the public site"
CHANGE_SENT = "change what was sent (restore an old version over a sent letter)"
NOT_ONLINE = "take offline a page that is not online"
# issue 13 (admin)
SEE_REQUESTS = "see requests for advice and their status page"
SUBMIT_REQUESTS = "submit (municipality) or register (secretariat) a request; edit an open one"
HANDLE_REQUESTS = "take up, decline or resume a request; extend its term"
# -- issue 13, decisions
SEE_DECISIONS = "see the decisions taken after the advice"
RECORD_DECISIONS = "record the decision after the advice, per recommendation"
READ_REPORTS = "read annual reports before they are published (list, preview)"
WRITE_REPORTS = "write and publish the annual report"

_SNIPPETS = "wagtailsnippets_advices_"
_CHOOSERS = "wagtailsnippetchoosers_advices_"

# (URL name pattern, subject pattern, capability): the first match decides.
URLS = [
    # The public site: never a draft, whoever asks.
    ("wagtail_serve", "draft_page", DRAFTS_IN_PUBLIC),
    ("wagtaildocs_serve", "draft_document", MEDIA),
    ("follow:*", "draft_letter*", DRAFTS_IN_PUBLIC),
    ("open-data-api:*", "draft_letter*", DRAFTS_IN_PUBLIC),
    ("follow:*", "*", PUBLIC),
    ("open-data-api:*", "*", PUBLIC),
    ("open_data*", "*", PUBLIC),
    ("search", "*", PUBLIC),
    ("contact", "*", PUBLIC),
    ("favicon", "*", PUBLIC),
    ("health", "*", PUBLIC),  # up or not, with no detail an attacker could use
    ("wagtail_serve", "*", PUBLIC),
    ("wagtaildocs_serve", "*", PUBLIC),
    ("wagtaildocs_authenticate_with_password", "*", PUBLIC),
    ("wagtailcore_*", "*", PUBLIC),
    ("wagtailadmin_password_reset*", "*", PUBLIC),
    ("wagtailadmin_sprite", "*", PUBLIC),
    ("wagtailadmin_javascript_catalog", "*", PUBLIC),
    ("wagtailadmin_login", "*", "sign in"),
    ("home_two_factor_verify", "*", "sign in"),
    # The admin's common parts.
    ("wagtailadmin_home", "*", ADMIN),
    ("wagtailadmin_account", "*", ADMIN),
    ("wagtailadmin_dismissibles", "*", ADMIN),
    ("wagtailadmin_logout", "*", ADMIN),
    ("home_two_factor*", "*", ADMIN),
    ("wagtailadmin_tag_autocomplete", "*", ADMIN),
    ("wagtailadmin_tag_model_autocomplete", "*", ADMIN),
    ("wagtailadmin_editing_sessions:*", "*", ADMIN),
    ("wagtailadmin_choose_page_*_link", "*", ADMIN),
    ("wagtailadmin_reports:site_history*", "*", ADMIN),
    ("wagtailadmin_error_test", "*", ADMINISTRATOR),
    # Pages.
    ("wagtailadmin_pages:delete", "live_page", DELETE_LIVE_PAGE),
    ("wagtailadmin_pages:delete", "*", DELETE_DRAFT_PAGE),
    ("wagtailadmin_pages:move", "live_page", PUBLISH),
    ("wagtailadmin_pages:unpublish", "draft_page", NOT_ONLINE),
    ("wagtailadmin_pages:unpublish", "*", PUBLISH),
    ("wagtailadmin_pages:set_privacy", "*", PUBLISH),
    ("wagtailadmin_pages:lock", "*", PUBLISH),
    ("wagtailadmin_pages:unlock", "*", PUBLISH),
    ("wagtailadmin_pages:revisions_unschedule", "*", PUBLISH),
    ("wagtailadmin_reports:locked_pages*", "*", PUBLISH),
    ("wagtail_bulk_action", "wagtailcore.page", PAGES),
    ("wagtailadmin_pages:*", "*", PAGES),
    ("wagtailadmin_explore*", "*", PAGES),
    ("wagtailadmin_choose_page*", "*", PAGES),
    ("wagtailadmin_api:pages:*", "*", PAGES),
    ("wagtailadmin_reports:*", "*", PAGES),
    ("wagtailadmin_block_preview", "*", PAGES),
    # Documents and images.
    ("wagtaildocs:edit", "*", MEDIA_OTHERS),
    ("wagtaildocs:delete", "*", MEDIA_OTHERS),
    ("wagtaildocs:document_usage", "*", MEDIA_OTHERS),
    ("wagtailimages:edit", "*", MEDIA_OTHERS),
    ("wagtailimages:delete", "*", MEDIA_OTHERS),
    ("wagtailimages:preview", "*", MEDIA_OTHERS),
    ("wagtailimages:image_usage", "*", MEDIA_OTHERS),
    ("wagtailimages:url_generator*", "*", MEDIA_OTHERS),
    ("wagtaildocs*", "*", MEDIA),
    ("wagtailimages*", "*", MEDIA),
    ("wagtailadmin_api:documents:*", "*", MEDIA),
    ("wagtailadmin_api:images:*", "*", MEDIA),
    ("wagtail_bulk_action", "wagtaildocs.document", MEDIA),
    ("wagtail_bulk_action", "wagtailimages.image", MEDIA),
    # Advice letters and errata.
    (_SNIPPETS + "adviceletter:delete", "*", DELETE_LETTERS),
    (_SNIPPETS + "adviceletter:restore", "sent_letter*", CHANGE_SENT),
    (_SNIPPETS + "adviceletter:confirm_*", "*", ADOPT_AND_SEND),
    (_SNIPPETS + "adviceletter:*", "*", LETTERS),
    (_CHOOSERS + "adviceletter:chosen", "draft_letter", LETTERS),
    (_CHOOSERS + "adviceletter:create", "*", LETTERS),
    (_CHOOSERS + "adviceletter:*", "*", CHOOSE_SENT),
    ("wagtail_bulk_action", "advices.adviceletter", LETTERS),
    (_SNIPPETS + "erratum:delete", "*", ADMINISTRATOR),
    (_SNIPPETS + "erratum:list*", "*", LETTERS),
    (_SNIPPETS + "erratum:*", "*", SECRETARIAT),
    (_CHOOSERS + "erratum:create", "*", SECRETARIAT),
    (_CHOOSERS + "erratum:*", "*", SEE_COLLEGE),
    ("wagtail_bulk_action", "advices.erratum", SECRETARIAT),
    # Themes and settings.
    ("wagtailsnippets_home_theme:list*", "*", LETTERS),
    ("wagtailsnippets_home_theme:*", "*", SECRETARIAT),
    ("wagtailsnippetchoosers_home_theme:create", "*", SECRETARIAT),
    ("wagtailsnippetchoosers_home_theme:*", "*", ADMIN),
    ("wagtail_bulk_action", "home.theme", SECRETARIAT),
    ("wagtailsettings:*", "*", SECRETARIAT),
    # -- issue 13: requests for advice (admin); before the college's side, whose patterns
    # would match them too. Nobody deletes a request: it is public from registration.
    (_SNIPPETS + "advicerequest:delete*", "*", ADMINISTRATOR),
    (_SNIPPETS + "advicerequest:extend", "*", HANDLE_REQUESTS),
    (_SNIPPETS + "advicerequest:list*", "*", SEE_REQUESTS),
    (_SNIPPETS + "advicerequest:status", "*", SEE_REQUESTS),
    (_SNIPPETS + "advicerequest:*", "*", SUBMIT_REQUESTS),
    (_CHOOSERS + "advicerequest:create", "*", SUBMIT_REQUESTS),
    (_CHOOSERS + "advicerequest:*", "*", SEE_REQUESTS),
    # Wagtail's bulk pages open for who may add or change; each row still needs its permission
    # (nobody's delete permission: the page lists the request as not deletable).
    ("wagtail_bulk_action", "advices.advicerequest", SUBMIT_REQUESTS),
    # -- issue 13, decisions: our own pages to record, change and read a decision; its
    # list, history and delete follow the college's side below.
    (_SNIPPETS + "decision:inspect", "*", SEE_DECISIONS),
    (_SNIPPETS + "decision:add", "*", RECORD_DECISIONS),
    (_SNIPPETS + "decision:edit", "*", RECORD_DECISIONS),
    # The college's side and the council's assessment.
    (_SNIPPETS + "*:delete", "*", ADMINISTRATOR),
    (_SNIPPETS + "*:list*", "*", SEE_COLLEGE),
    (_SNIPPETS + "collegeresponse:answers", "*", SEE_COLLEGE),
    (_SNIPPETS + "councilassessment:*", "*", ASSESS),
    (_CHOOSERS + "councilassessment:create", "*", ASSESS),
    (_SNIPPETS + "*", "*", RECORD_COLLEGE),
    (_CHOOSERS + "*:create", "*", RECORD_COLLEGE),
    (_CHOOSERS + "*", "*", SEE_COLLEGE),
    ("wagtail_bulk_action", "advices.councilassessment", ASSESS),
    ("wagtail_bulk_action", "advices.*", RECORD_COLLEGE),
    # Accounts.
    ("wagtailusers_users:edit", "administrator", POWER),
    ("wagtailusers_users:edit", "other_secretary", POWER),
    ("wagtailusers_users:delete", "*", POWER),
    ("wagtailusers_users:*", "*", ACCOUNTS),
    ("wagtail_bulk_action", "auth.user", ACCOUNTS),
    ("wagtailusers_groups:*", "*", POWER),
    ("home_login_lockouts", "*", UNLOCK),
    ("home_login_unlock", "*", UNLOCK),
    # Only for an administrator.
    ("wagtailsnippets:index", "*", ADMINISTRATOR),
    ("wagtailsites:*", "*", ADMINISTRATOR),
    ("wagtailadmin_collections:*", "*", ADMINISTRATOR),
    ("wagtailadmin_workflows:*", "*", ADMINISTRATOR),
    ("wagtailredirects:*", "*", ADMINISTRATOR),
    # -- the annual report (app annual); its public pages are wagtail_serve above --
    ("wagtailsnippets_annual_annualreport:delete", "*", ADMINISTRATOR),
    ("wagtailsnippets_annual_annualreport:list*", "*", READ_REPORTS),
    ("wagtailsnippets_annual_annualreport:preview", "*", READ_REPORTS),
    ("wagtailsnippets_annual_annualreport:*", "*", WRITE_REPORTS),
    ("wagtailsnippetchoosers_annual_annualreport:create", "*", WRITE_REPORTS),
    ("wagtailsnippetchoosers_annual_annualreport:*", "*", READ_REPORTS),
    # The bulk screens list what one may change; each row then refuses a delete itself.
    ("wagtail_bulk_action", "annual.annualreport", WRITE_REPORTS),
    # -- issue 14, the Woo index (advices/public/woo): public, like the open data --
    ("robots_txt", "*", PUBLIC),
    ("woo_sitemap*", "*", PUBLIC),
    # -- issue 14: the archive export (MDTO); the form and the ZIP it returns --
    ("advices_archive_export", "*", "download the archive package (MDTO) of a period"),
    # -- issue 14, ods: the gemeenteraad's information system (ODS Open Raadsinformatie API);
    # read-only, public, and a draft letter is a 404 there like everywhere --
    ("ods:*", "draft_letter*", DRAFTS_IN_PUBLIC),
    ("ods:*", "*", PUBLIC),
    # -- issue 14, privacy: what is stored about an address (/volgen/mijn-gegevens/) --------
    # Public; ("follow:*", "*", PUBLIC) above already matches them first. Listed for the record.
    ("follow:my_data", "*", PUBLIC),
    ("follow:my_data_sent", "*", PUBLIC),
]

# -- issue 14, names: per name, publish it or show the role only (home.NamedPerson) ----------
NAMES = "choose per person named in reports and letters: publish the name or only the role"
MAY[NAMES] = frozenset({SECRETARY})
URLS += [
    ("wagtailsnippets_home_namedperson:*", "*", NAMES),
    ("wagtailsnippetchoosers_home_namedperson:create", "*", NAMES),
    # Wagtail's chooser lists snippets to every admin user, as for themes (staff only).
    ("wagtailsnippetchoosers_home_namedperson:*", "*", ADMIN),
    ("wagtail_bulk_action", "home.namedperson", NAMES),
]
