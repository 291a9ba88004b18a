"""PDF files: plans in -> canvases, written files, the merged print pack, colour conversion, atomic output."""
