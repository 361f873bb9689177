package io.maestro.core.carrier;

import java.util.List;

/** Rate card files that cannot be loaded; each problem names the file, the line and the field. */
public class RateCardFileException extends IllegalStateException {

    private final List<String> problems;

    public RateCardFileException(List<String> problems) {
        super("Rate cards are invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
