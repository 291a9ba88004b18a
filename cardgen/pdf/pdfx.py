"""PDF/X-4 for the shop files of a --cmyk build: what ISO 15930-7 asks of a file beyond its pages.

The pages are already CMYK (drawn through the profile), every font is embedded and every page has
its TrimBox and BleedBox; here the file gets the OutputIntent (the profile itself, embedded), the
PDF/X version in the document information and in XMP metadata that agrees with it, Trapped, PDF
1.6, and no annotations (links are no use on paper, and PDF/X allows none inside the bleed).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, TextStringObject

VERSION = "PDF/X-4"
REGISTRY = "http://www.color.org"
# cardgen's own profile is FOGRA39 (see assets/profiles/README.md): a condition in the ICC's registry
FOGRA39 = (
    "FOGRA39",
    "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = coated art, 115 g/m2, "
    "tone value increase curves A (CMY) and B (K)",
)


def make_pdfx(writer: PdfWriter, profile: Path, profile_name: str, registered: bool) -> None:
    """Turn the CMYK file in `writer` into PDF/X-4 with `profile` as its output intent; `registered`:
    the profile is cardgen's FOGRA39 one, named by its identifier in the ICC registry."""
    writer.pdf_header = b"%PDF-1.6"
    for page in writer.pages:
        if "/Annots" in page:
            del page["/Annots"]
    data = profile.read_bytes()
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream[NameObject("/N")] = NumberObject(4)
    identifier, condition = FOGRA39 if registered else ("Custom", profile_name)
    intent = DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFX"),
        NameObject("/OutputConditionIdentifier"): TextStringObject(identifier),
        NameObject("/OutputCondition"): TextStringObject(condition),
        NameObject("/RegistryName"): TextStringObject(REGISTRY if registered else ""),
        NameObject("/Info"): TextStringObject(profile_name),
        NameObject("/DestOutputProfile"): writer._add_object(stream.flate_encode()),
    })  # fmt: skip
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    info = {str(k): str(v) for k, v in (writer.metadata or {}).items()}
    created = info.get("/CreationDate", "D:20000101000000+00'00'")
    info.update({"/GTS_PDFXVersion": VERSION, "/Trapped": "/False", "/CreationDate": created, "/ModDate": info.get("/ModDate", created)})
    info.setdefault("/Title", "")
    writer.add_metadata({k: v for k, v in info.items() if k != "/Trapped"})
    writer._info.get_object()[NameObject("/Trapped")] = NameObject("/False")  # a name, not a string
    writer.xmp_metadata = _xmp(info, hashlib.sha256(data + info["/Title"].encode()).hexdigest())
    writer.root_object[NameObject("/Metadata")].get_object()[NameObject("/Subtype")] = NameObject("/XML")


def _xmp_date(pdf_date: str) -> str:
    """D:20000101000000+00'00' -> 2000-01-01T00:00:00+00:00"""
    d = pdf_date[2:] if pdf_date.startswith("D:") else pdf_date
    zone = d[14:].replace("'", "") or "Z"
    zone = "Z" if zone in ("Z", "+0000", "-0000") else f"{zone[:3]}:{zone[3:5]}"
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}{zone}"


def _xmp(info: dict[str, str], digest: str) -> bytes:
    """XMP that says what the document information says (PDF/X-4 checks that they agree)."""
    date = _xmp_date(info["/ModDate"])
    created = _xmp_date(info["/CreationDate"])
    uuid = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    text = {key: escape(info.get(f"/{key}", "")) for key in ("Title", "Author", "Subject", "Creator", "Producer")}
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text['Title']}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text['Author']}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text['Subject']}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{text['Creator']}</xmp:CreatorTool>
   <pdf:Producer>{text['Producer']}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
