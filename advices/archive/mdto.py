"""MDTO 1.0.1 XML (Nationaal Archief, https://www.nationaalarchief.nl/mdto): small builders for
the shared types (begrip, verwijzing, identificatie, termijn) and the two roots, an
``informatieobject`` and a ``bestand``. The caller passes the children in the schema's order;
tests/archive validates every document against the XSD.

Serialisation is deterministic: the same input gives the same bytes (the archive package
must be reproducible)."""

import xml.etree.ElementTree as ET

NS = "https://www.nationaalarchief.nl/mdto"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} {NS}/MDTO-XML1.0.1.xsd"

# The MDTO concept lists (begrippenlijsten) that the package refers to.
AGGREGATION_LEVELS = "Begrippenlijst Aggregatieniveaus MDTO"
EVENT_TYPES = "Begrippenlijst EventTypeLijst MDTO"
APPRAISALS = "Begrippenlijst Waarderingen MDTO"
RESTRICTIONS = "Begrippenlijst Beperkingen MDTO"
CHECKSUM_ALGORITHMS = "Begrippenlijst ChecksumAlgoritme MDTO"
RELATION_TYPES = "Begrippenlijst Relatietypen MDTO"


def _tag(name):
    return f"{{{NS}}}{name}"


def element(name, *children, text=None):
    """``<name>`` with ``children`` (elements; None is left out) or ``text``."""
    node = ET.Element(_tag(name))
    if text is not None:
        node.text = str(text)
    node.extend(child for child in children if child is not None)
    return node


def identificatie(kenmerk, bron, name="identificatie"):
    return element(
        name,
        element("identificatieKenmerk", text=kenmerk),
        element("identificatieBron", text=bron),
    )


def verwijzing(name, label, kenmerk=None, bron=None):
    """A reference to something by its name, and by its identification where it has one."""
    identification = (
        identificatie(kenmerk, bron, "verwijzingIdentificatie") if kenmerk and bron else None
    )
    return element(name, element("verwijzingNaam", text=label), identification)


def begrip(name, label, concept_list, code=None):
    """A value from a concept list: its label, its code where it has one, and the list."""
    return element(
        name,
        element("begripLabel", text=label),
        element("begripCode", text=code) if code else None,
        verwijzing("begripBegrippenlijst", concept_list),
    )


def event(kind, moment, actor=None, result=None):
    """An ``event`` of type ``kind`` (EventTypeLijst MDTO) at ``moment`` (an xsd:date or
    xsd:dateTime string)."""
    return element(
        "event",
        begrip("eventType", kind, EVENT_TYPES),
        element("eventTijd", text=moment),
        verwijzing("eventVerantwoordelijkeActor", actor) if actor else None,
        element("eventResultaat", text=result) if result else None,
    )


def document(root):
    """The ``<MDTO>`` document around ``root`` (an informatieobject or a bestand), as UTF-8
    bytes with an XML declaration."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    mdto = ET.Element(_tag("MDTO"), {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    mdto.append(root)
    ET.indent(mdto, space="  ")
    return ET.tostring(mdto, encoding="UTF-8", xml_declaration=True) + b"\n"
