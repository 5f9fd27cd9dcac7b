"""Builds the demo site: page tree, default site, council settings, themes, meetings, accounts.

Idempotent: what exists is left alone (found by slug, or username for accounts), so a second
run creates nothing and writes no new page revisions. With ``refresh=True`` existing demo pages,
themes and settings are brought back to the demo content, in place (one new revision per page).
Demo accounts are always brought in line, because their printed passwords must work.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Page, Site

from home.models import (
    AccessibilityStatement,
    CouncilSettings,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MeetingParticipantGroup,
    NamedPerson,
    StandardPage,
    Theme,
)

from . import accounts, meetings, names, pages, themes

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
FALLBACK_HOME_SLUG = "participatieraad-zwolle"
# Where ``make run`` serves the demo: the default Site gets this address, so every absolute
# link (permalinks, exports, mails) works there. Wagtail's stock site is "localhost" port 80.
DEMO_ADDRESS = ("127.0.0.1", 8000)
STOCK_ADDRESS = ("localhost", 80)

PAGE_FIELDS = {
    HomePage: ["title", "intro", "body", "search_description"],
    MeetingIndexPage: ["title", "intro", "show_in_menus", "search_description"],
    StandardPage: ["title", "intro", "body", "show_in_menus", "search_description"],
    MeetingPage: [
        "title",
        "meeting_type",
        "date",
        "start_time",
        "end_time",
        "location",
        "participant_count",
        "participant_count_qualifier",
        "summary",
        "body",
        "search_description",
    ],
}


def corpus_dir():
    """Where the real documents live; the demo content is transcribed from them."""
    return settings.BASE_DIR.parent / "shared" / "corpus"


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    notes: list = field(default_factory=list)
    accounts: list = field(default_factory=list)

    def count(self, kind, action):
        self.counts[kind][action] += 1


class DemoLoader:
    def __init__(self, *, with_accounts=True, refresh=False, address=DEMO_ADDRESS):
        self.with_accounts = with_accounts
        self.refresh = refresh
        self.address = address
        self.report = Report()

    def run(self):
        with transaction.atomic():
            home = self.ensure_home()
            site = self.ensure_site(home)
            self.ensure_council_settings(site)
            themes_by_slug = self.ensure_themes()
            self.ensure_named_people()
            index = self.ensure_page(home, MeetingIndexPage, pages.MEETING_INDEX)
            for data in pages.STANDARD_PAGES:
                self.ensure_page(home, StandardPage, data)
            for data in meetings.MEETINGS:
                self.ensure_page(index, MeetingPage, data, themes_by_slug=themes_by_slug)
            if self.with_accounts:
                self.ensure_accounts()
        self.check_sources()
        return self.report

    # -- pages ---------------------------------------------------------------------------------

    def ensure_home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home is not None:
            self._maybe_refresh(home, pages.HOME, "pages")
            return home

        welcome = self._stock_welcome_page(root)
        if welcome is not None:
            # A Site is deleted with its root page: park the sites on the tree root first.
            for site in Site.objects.filter(root_page=welcome):
                site.root_page = root
                site.save()
            welcome.delete()
            self.report.notes.append("Removed Wagtail's default 'Welcome' page.")

        slug = pages.HOME["slug"]
        if not Page._slug_is_available(slug, root):
            slug = FALLBACK_HOME_SLUG
        home = HomePage(slug=slug, live=False)
        self._assign(home, pages.HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
        self.report.count("pages", CREATED)
        return home

    @staticmethod
    def _stock_welcome_page(root):
        """The plain Page that ``migrate`` creates, if it is still there untouched."""
        plain_page = ContentType.objects.get_for_model(Page)
        return (
            Page.objects.child_of(root)
            .filter(content_type=plain_page, slug="home", numchild=0)
            .first()
        )

    def ensure_page(self, parent, page_class, data, themes_by_slug=None):
        existing = Page.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing is not None:
            page = existing.specific
            if not isinstance(page, page_class):
                self.report.notes.append(
                    f"Skipped {parent.url_path}{data['slug']}/: a page of another type "
                    f"({type(page).__name__}) already has that slug."
                )
                return page
            self._maybe_refresh(page, data, "pages", themes_by_slug)
            return page

        page = page_class(slug=data["slug"], live=False)
        self._assign(page, data, themes_by_slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.count("pages", CREATED)
        return page

    def _maybe_refresh(self, page, data, kind, themes_by_slug=None):
        if not self.refresh:
            self.report.count(kind, UNCHANGED)
            return
        self._assign(page, data, themes_by_slug)
        page.save_revision().publish()
        self.report.count(kind, UPDATED)

    @staticmethod
    def _assign(page, data, themes_by_slug=None):
        for name in PAGE_FIELDS[type(page)]:
            if name in data:
                setattr(page, name, data[name])
        if isinstance(page, MeetingPage):
            page.themes = [themes_by_slug[slug] for slug in data["themes"]]
            page.participant_groups = [
                MeetingParticipantGroup(name=name, description=description, sort_order=order)
                for order, (name, description) in enumerate(data["participant_groups"])
            ]

    # -- site and settings ---------------------------------------------------------------------

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.filter(hostname=STOCK_ADDRESS[0], port=STOCK_ADDRESS[1]).first()
        if site is None:
            site = Site(hostname=STOCK_ADDRESS[0], port=STOCK_ADDRESS[1])
            action = CREATED
        else:
            action = UNCHANGED
        wanted = {
            "root_page_id": home.pk,
            "is_default_site": True,
            "site_name": site.site_name or pages.COUNCIL_NAME,
        }
        # Wagtail's stock address becomes the demo's; an address someone configured is theirs.
        if (site.hostname, site.port) == STOCK_ADDRESS:
            wanted["hostname"], wanted["port"] = self.address
        if self.refresh:
            wanted["site_name"] = pages.COUNCIL_NAME
        changed = [name for name, value in wanted.items() if getattr(site, name) != value]
        for name in changed:
            setattr(site, name, wanted[name])
        if changed or action == CREATED:
            site.save()
            action = action if action == CREATED else UPDATED
        self.report.count("sites", action)

        # Sites parked on the tree root while the welcome page was removed.
        for other in Site.objects.filter(root_page=Page.get_first_root_node()):
            other.root_page = home
            other.save()
        return site

    def ensure_council_settings(self, site):
        council = self._ensure_setting(
            CouncilSettings, site, pages.COUNCIL_SETTINGS, "council settings"
        )
        self._note_empty_letter_fields(council)
        self._ensure_setting(
            AccessibilityStatement, site, pages.ACCESSIBILITY_STATEMENT, "accessibility statement"
        )

    def _note_empty_letter_fields(self, council):
        empty = [
            str(CouncilSettings._meta.get_field(name).verbose_name)
            for name in pages.COUNCIL_LETTER_FIELDS_NOT_IN_CORPUS
            if not getattr(council, name)
        ]
        if empty:
            self.report.notes.append(
                f"Council settings left empty, as the source documents do not give them: "
                f"{', '.join(empty)}. Letters print them when filled in (Instellingen > "
                f"Gegevens van de raad); the contact person is under Opmaak van brieven."
            )

    def _ensure_setting(self, model, site, values, kind):
        setting = model.objects.filter(site=site).first()
        action = UNCHANGED
        if setting is None:
            setting = model(site=site)
            action = CREATED
        changed = False
        for name, value in values.items():
            current = getattr(setting, name)
            default = model._meta.get_field(name).get_default()
            # Fill what is empty or still the model's default; overwrite only on refresh.
            if current != value and (self.refresh or current in ("", None, default)):
                setattr(setting, name, value)
                changed = True
        if changed or action == CREATED:
            setting.save()
            action = action if action == CREATED else UPDATED
        self.report.count(kind, action)
        return setting

    # -- themes --------------------------------------------------------------------------------

    def ensure_themes(self):
        by_slug = {}
        for slug, name, description in themes.THEMES:
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                theme = Theme.objects.create(slug=slug, name=name, description=description)
                self.report.count("themes", CREATED)
            elif self.refresh and (theme.name, theme.description) != (name, description):
                theme.name, theme.description = name, description
                theme.save()
                self.report.count("themes", UPDATED)
            else:
                self.report.count("themes", UNCHANGED)
            by_slug[slug] = theme
        return by_slug

    def ensure_named_people(self):
        for name, role, publish in names.NAMED_PEOPLE:
            _person, created = NamedPerson.objects.get_or_create(
                name=name, defaults={"role": role, "publish_name": publish}
            )
            self.report.count("named people", CREATED if created else UNCHANGED)

    # -- accounts ------------------------------------------------------------------------------

    def ensure_accounts(self):
        User = get_user_model()
        for account in accounts.ACCOUNTS:
            groups = []
            if account.group:
                try:
                    groups = [Group.objects.get(name=account.group)]
                except Group.DoesNotExist as exc:
                    raise ImproperlyConfigured(
                        f"Group {account.group!r} is missing: run 'manage.py migrate' first."
                    ) from exc

            user = User.objects.filter(username=account.username).first()
            created = user is None
            if created:
                user = User(username=account.username)
            wanted = {
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": account.email,
                "is_active": True,
                "is_superuser": account.is_superuser,
                "is_staff": account.is_superuser,
            }
            changed = [name for name, value in wanted.items() if getattr(user, name) != value]
            for name in changed:
                setattr(user, name, wanted[name])
            if created or not user.check_password(account.password):
                user.set_password(account.password)
                changed.append("password")
            if changed:
                user.save()
            if set(user.groups.values_list("pk", flat=True)) != {g.pk for g in groups}:
                user.groups.set(groups)
                changed.append("groups")

            action = CREATED if created else (UPDATED if changed else UNCHANGED)
            self.report.count("accounts", action)
            self.report.accounts.append(account)

    # -- sources -------------------------------------------------------------------------------

    def check_sources(self):
        sources = {source for meeting in meetings.MEETINGS for source in meeting["sources"]}
        missing = sorted(source for source in sources if not (corpus_dir() / source).exists())
        if missing:
            self.report.notes.append(
                f"Source documents not found in {corpus_dir()} (the demo content is loaded "
                f"from code, so this is only a note): {', '.join(missing)}"
            )


def load_demo(*, with_accounts=True, refresh=False, address=DEMO_ADDRESS):
    return DemoLoader(with_accounts=with_accounts, refresh=refresh, address=address).run()
