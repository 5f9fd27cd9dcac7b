"""The council's year in review (*jaarverslag*): drafted by the secretariat, previewed with
live figures, and published once — figures frozen, a tagged PDF/A stored — as a public page.

- ``lifecycle``: concept → gepubliceerd, who may publish, and that a published report never
  changes;
- ``models``: the report and its guards; ``pages``: the public "Jaarverslagen" page;
- ``figures``: the year's figures from the data, in one function (a fixed number of queries);
- ``actions``: creating, editing the foreword, publishing (the PDF in a background task);
- ``pdf``: the report as PDF in the letters' house style; ``admin``: the secretariat's screens;
- ``demo``: the 2019 and 2022 reports of the demo.
"""
