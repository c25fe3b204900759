"""The lg: and lgr: namespaces. A DefinedNamespace makes a typo in a term an error."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

LG_IRI = "https://w3id.org/lgkg/ontology#"
LGR = Namespace("https://w3id.org/lgkg/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")


class LG(DefinedNamespace):
    """Terms of ontology/lgkg.ttl (a test checks the two agree)."""

    _NS = Namespace(LG_IRI)
    _fail = True

    # contract classes
    Organization: URIRef
    Regulation: URIRef
    Program: URIRef
    Place: URIRef
    Award: URIRef
    Person: URIRef
    SourceDocument: URIRef
    Evidence: URIRef
    Gazetteer: URIRef
    # organization subclasses
    PartyOrgan: URIRef
    GovernmentBody: URIRef
    GovernmentDepartment: URIRef
    Legislature: URIRef
    Court: URIRef
    Procuratorate: URIRef
    JudicialOffice: URIRef
    MediationCommittee: URIRef
    LegalServiceOrganization: URIRef
    MediaOrganization: URIRef
    AcademicInstitution: URIRef
    # regulation subclasses
    Law: URIRef
    LocalRegulation: URIRef
    GovernmentRule: URIRef
    NormativeDocument: URIRef
    PolicyDocument: URIRef
    Agreement: URIRef
    # program subclasses
    Brand: URIRef
    Model: URIRef
    Mechanism: URIRef
    Campaign: URIRef
    Project: URIRef
    Platform: URIRef
    WorkMethod: URIRef
    Column: URIRef
    # place subclasses
    Country: URIRef
    Province: URIRef
    PrefectureCity: URIRef
    County: URIRef
    Town: URIRef
    Village: URIRef
    DevelopmentZone: URIRef
    # person subclasses
    PublicOfficial: URIRef
    # relations
    implements: URIRef
    receivedAward: URIRef
    awardedBy: URIRef
    locatedIn: URIRef
    issuedBy: URIRef
    # data and provenance properties
    mentionedIn: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef
    documentNumber: URIRef
    registrationNumber: URIRef
    adminCode: URIRef
    sha256: URIRef
    year: URIRef
    # indicators (the reports' figures, as Data Cube observations)
    Observation: URIRef
    DataSet: URIRef
    Measure: URIRef
    measure: URIRef
    headerPath: URIRef
    addsUp: URIRef
