package org.silkgrant.call;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A call definition that cannot be used, with every problem found in it: the file, the path inside it and what
 * is wrong, e.g. {@code calls/2024.yaml: rules.maxMonths: must not be less than minMonths (24)}.
 */
public class InvalidCallDefinitionException extends RuntimeException {

    private final String source;
    private final List<Problem> problems;

    /** One problem at a path such as {@code categories[1].scopes[0].code}. */
    public record Problem(String path, String message) {

        @Override
        public String toString() {
            return (path.isEmpty() ? "(document)" : path) + ": " + message;
        }
    }

    public InvalidCallDefinitionException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        return "Call definition " + source + " is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + source + ": " + p).collect(Collectors.joining("\n"));
    }
}
