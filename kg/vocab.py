"""The one place for the graph's names: namespaces and prefixes, the contract's classes, and
the lg: terms (a DefinedNamespace makes a typo in a term an error).

kg.graph, kg.query, kg.export (rdf, formats, viewer) and kg.validate take their prefixes and
class names from here. The plain-string constants need no rdflib term to compare or to build
pyoxigraph terms from."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

LG_IRI = "https://w3id.org/lgkg/ontology#"
LGR_IRI = "https://w3id.org/lgkg/id/"
#: the SHACL shapes' names (ontology/shapes.ttl)
LGSH_IRI = "https://w3id.org/lgkg/shapes#"
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
SKOS_IRI = "http://www.w3.org/2004/02/skos/core#"
PROV_IRI = "http://www.w3.org/ns/prov#"
DCTERMS_IRI = "http://purl.org/dc/terms/"
OWL_IRI = "http://www.w3.org/2002/07/owl#"
ELI_IRI = "http://data.europa.eu/eli/ontology#"
ORG_IRI = "http://www.w3.org/ns/org#"
SCHEMA_IRI = "https://schema.org/"
QB_IRI = "http://purl.org/linked-data/cube#"
SDMX_DIMENSION_IRI = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_MEASURE_IRI = "http://purl.org/linked-data/sdmx/2009/measure#"
SDMX_ATTRIBUTE_IRI = "http://purl.org/linked-data/sdmx/2009/attribute#"

RDF_TYPE = RDF_IRI + "type"
XSD_STRING = XSD_IRI + "string"
XSD_INTEGER = XSD_IRI + "integer"
XSD_BOOLEAN = XSD_IRI + "boolean"
XSD_DECIMAL = XSD_IRI + "decimal"
XSD_GYEAR = XSD_IRI + "gYear"

#: the prefixes of every serialisation (the Turtle writers, rdflib graphs, JSON-LD and TriG)
PREFIXES: tuple[tuple[str, str], ...] = (
    ("lg", LG_IRI), ("lgr", LGR_IRI), ("skos", SKOS_IRI), ("prov", PROV_IRI),
    ("dcterms", DCTERMS_IRI), ("rdfs", RDFS_IRI), ("rdf", RDF_IRI), ("owl", OWL_IRI),
    ("org", ORG_IRI), ("eli", ELI_IRI), ("schema", SCHEMA_IRI), ("xsd", XSD_IRI),
    ("qb", QB_IRI), ("sdmx-dimension", SDMX_DIMENSION_IRI), ("sdmx-measure", SDMX_MEASURE_IRI),
    ("sdmx-attribute", SDMX_ATTRIBUTE_IRI),
)
#: the prefixes a SPARQL query may use undeclared (`kg query`, `kg serve`), and that query
#: results and exports shorten IRIs with
QUERY_PREFIXES: dict[str, str] = dict(PREFIXES[:12])

#: the contract's entity classes (lg:…), and each one's IRI stem in lgr: (lgr:org-…)
CONTRACT_CLASSES: tuple[str, ...] = ("Organization", "Regulation", "Program", "Place", "Award", "Person")
IRI_STEMS: dict[str, str] = {"Organization": "org", "Regulation": "reg", "Program": "prog", "Place": "place",
                             "Award": "award", "Person": "person"}

LGR = Namespace(LGR_IRI)
ELI = Namespace(ELI_IRI)
ORG = Namespace(ORG_IRI)
SCHEMA = Namespace(SCHEMA_IRI)
QB = Namespace(QB_IRI)
SDMX_DIMENSION = Namespace(SDMX_DIMENSION_IRI)
SDMX_MEASURE = Namespace(SDMX_MEASURE_IRI)
SDMX_ATTRIBUTE = Namespace(SDMX_ATTRIBUTE_IRI)


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
