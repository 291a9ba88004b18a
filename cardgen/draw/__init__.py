"""Drawing: paints what layout and imposition decided; every function saves and restores state."""
