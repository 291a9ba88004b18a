"""A PDF/X-4 check with pikepdf: the clauses of ISO 15930-7 a print shop's preflight looks at first.

No free PDF/X validator runs here (veraPDF checks PDF/A and PDF/UA; Ghostscript writes PDF/X but
does not check it), so this reads the file back and lists what breaks: the version, the trailer
/ID, the document information and the XMP metadata (and that they agree), one GTS_PDFX output
intent with an embedded CMYK output profile, the page boxes, annotations, fonts not embedded,
any RGB colour (operators, colour spaces, images) and what PDF/X forbids outright (encryption,
JavaScript, actions, transfer functions, PostScript). An empty list is a pass.
"""

from __future__ import annotations

import io
import re

import pikepdf

RGB_SPACES = {"/DeviceRGB", "/CalRGB"}


def pdfx4_problems(path) -> list[str]:
    pdf = pikepdf.open(path)
    problems: list[str] = []
    if float(pdf.pdf_version) < 1.6:
        problems.append(f"PDF version {pdf.pdf_version}, PDF/X-4 is based on 1.6")
    if "/Encrypt" in pdf.trailer:
        problems.append("encrypted")
    trailer_id = pdf.trailer.get("/ID")
    if trailer_id is None or len(trailer_id) != 2:
        problems.append("no trailer /ID")
    problems += _info_and_xmp(pdf)
    problems += _output_intent(pdf)
    for key in ("/OpenAction", "/AA", "/JavaScript"):
        if key in pdf.Root or key in pdf.Root.get("/Names", {}):
            problems.append(f"catalog has {key}")
    for number, page in enumerate(pdf.pages, 1):
        problems += [f"page {number}: {p}" for p in _page(page)]
    return problems


def _info_and_xmp(pdf) -> list[str]:
    problems = []
    info = pdf.docinfo
    version = str(info.get("/GTS_PDFXVersion", ""))
    if not version.startswith("PDF/X-4"):
        problems.append(f"Info /GTS_PDFXVersion is {version!r}")
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if not str(info.get(key, "")):
            problems.append(f"Info has no {key}")
    if info.get("/Trapped") not in (pikepdf.Name("/True"), pikepdf.Name("/False")):
        problems.append(f"Info /Trapped is {info.get('/Trapped')!r}, expected the name /True or /False")
    if "/Metadata" not in pdf.Root:
        return problems + ["no XMP metadata"]
    if pdf.Root.Metadata.get("/Filter") is not None:
        problems.append("XMP metadata is compressed")
    xmp = pdf.open_metadata()
    if xmp.get("pdfxid:GTS_PDFXVersion") != version:
        problems.append(f"XMP pdfxid:GTS_PDFXVersion {xmp.get('pdfxid:GTS_PDFXVersion')!r} differs from Info's {version!r}")
    for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass"):
        if not xmp.get(key):
            problems.append(f"XMP has no {key}")
    if xmp.get("dc:title") != str(info.get("/Title", "")):
        problems.append("XMP dc:title differs from Info /Title")
    for pdf_key, xmp_key in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if _date(str(info.get(pdf_key, ""))) != _date(xmp.get(xmp_key, "")):
            problems.append(f"XMP {xmp_key} differs from Info {pdf_key}")
    if xmp.get("pdf:Trapped") != str(info.get("/Trapped", "/"))[1:]:
        problems.append("XMP pdf:Trapped differs from Info /Trapped")
    return problems


def _date(text: str) -> str:
    """The instant of a PDF or XMP date, as digits and a zone: both spellings compare equal."""
    digits = re.sub(r"[^0-9Z+-]", "", text.removeprefix("D:"))
    digits = digits.replace("-", "", 2) if "T" in text else digits  # the date's own dashes
    return digits.replace("+0000", "Z").rstrip("Z") or "?"


def _output_intent(pdf) -> list[str]:
    from PIL import ImageCms

    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFX"]
    if len(intents) != 1:
        return [f"{len(intents)} GTS_PDFX output intents, expected 1"]
    intent = intents[0]
    problems = []
    if not str(intent.get("/OutputConditionIdentifier", "")):
        problems.append("the output intent has no /OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if profile is None:
        return problems + ["the output intent embeds no profile"]
    icc = ImageCms.ImageCmsProfile(io.BytesIO(profile.read_bytes())).profile
    if icc.xcolor_space.strip() != "CMYK" or icc.device_class.strip() != "prtr" or int(profile.get("/N", 0)) != 4:
        problems.append(f"the output profile is a {icc.xcolor_space} {icc.device_class} profile, expected CMYK output")
    return problems


def _page(page) -> list[str]:
    problems = []
    media = [float(v) for v in page.MediaBox]
    trim = page.obj.get("/TrimBox")
    if trim is None and page.obj.get("/ArtBox") is None:
        problems.append("no TrimBox")
    bleed = page.obj.get("/BleedBox")
    if trim is not None and bleed is not None:
        trim, bleed = [float(v) for v in trim], [float(v) for v in bleed]
        if not (_inside(trim, bleed) and _inside(bleed, media)):
            problems.append(f"boxes not nested: trim {trim}, bleed {bleed}, media {media}")
    elif bleed is None:
        problems.append("no BleedBox")
    for annot in page.obj.get("/Annots", []):
        if annot.get("/Subtype") not in ("/PrinterMark", "/TrapNet"):
            problems.append(f"a {annot.get('/Subtype')} annotation")
    problems += _resources(page.obj, page.obj.get("/Resources"), set())
    return problems


def _inside(inner, outer, slack=0.01) -> bool:
    return inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack


def _resources(stream_owner, resources, seen) -> list[str]:
    problems = []
    for operands, operator in pikepdf.parse_content_stream(stream_owner):
        if str(operator) in ("rg", "RG"):
            problems.append(f"RGB colour operator {operator} {list(map(float, operands))}")
        if str(operator) in ("cs", "CS") and str(operands[0]) in RGB_SPACES:
            problems.append(f"RGB colour space {operands[0]}")
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return problems
    seen.add(resources.objgen)
    for name, space in resources.get("/ColorSpace", {}).items():
        if _space(space) in RGB_SPACES:
            problems.append(f"RGB colour space {name}")
    for name, font in resources.get("/Font", {}).items():
        problems += _font(font)
    for name, state in resources.get("/ExtGState", {}).items():
        for key in ("/TR", "/TR2"):
            if key in state and state[key] != pikepdf.Name("/Default"):
                problems.append(f"transfer function in {name}")
    for name, xobject in resources.get("/XObject", {}).items():
        if xobject.get("/Subtype") == "/Image":
            if _space(xobject.get("/ColorSpace")) in RGB_SPACES:
                problems.append(f"RGB image {name}")
        elif xobject.get("/Subtype") == "/Form":
            problems += _resources(xobject, xobject.get("/Resources"), seen)
        elif xobject.get("/Subtype") == "/PS":
            problems.append(f"PostScript XObject {name}")
    return problems


def _space(space) -> str:
    if isinstance(space, pikepdf.Array):
        space = space[0] if str(space[0]) != "/ICCBased" else "/ICCBased"
    return str(space)


def _font(font) -> list[str]:
    if font.get("/Subtype") == "/Type3":
        return []
    descendants = font.get("/DescendantFonts")
    target = descendants[0] if descendants else font
    descriptor = target.get("/FontDescriptor")
    if descriptor is None or not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
        return [f"font {font.get('/BaseFont')} is not embedded"]
    return []
