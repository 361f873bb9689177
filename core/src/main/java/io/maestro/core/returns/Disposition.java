package io.maestro.core.returns;

/** What becomes of a returned line: back on sale at the receiving node, to the returns centre, or written off. */
public enum Disposition {
    RESTOCK, RETURNS_CENTRE, WRITE_OFF
}
