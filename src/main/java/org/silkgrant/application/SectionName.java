package org.silkgrant.application;

import java.util.Arrays;
import java.util.Optional;

/** The sections of API.md, each with the record its JSON binds to. */
public enum SectionName {
    BASICS("basics", ApplicationContent.Basics.class),
    NARRATIVE("narrative", ApplicationContent.Narrative.class),
    TEAM("team", ApplicationContent.Team.class),
    PARTNERS("partners", ApplicationContent.Partners.class),
    CO_APPLICANTS("coApplicants", ApplicationContent.CoApplicants.class),
    BUDGET("budget", ApplicationContent.Budget.class),
    INDICATORS("indicators", ApplicationContent.Indicators.class),
    ETHICS("ethics", ApplicationContent.Ethics.class),
    AGREEMENT("agreement", ApplicationContent.Agreement.class);

    private final String path;
    private final Class<?> type;

    SectionName(String path, Class<?> type) {
        this.path = path;
        this.type = type;
    }

    /** The name in URLs and JSON, e.g. {@code coApplicants}. */
    public String path() {
        return path;
    }

    public Class<?> type() {
        return type;
    }

    public static Optional<SectionName> of(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
