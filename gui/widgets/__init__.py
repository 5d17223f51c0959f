"""Small Qt widgets shared by the labs (no lab logic, no state of their own)."""
