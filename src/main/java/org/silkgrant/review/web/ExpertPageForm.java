package org.silkgrant.review.web;

import java.util.List;

import org.silkgrant.review.ExpertForm;
import org.silkgrant.review.ExpertView;

/** The expert form of the pages: keywords typed in one box, fields and languages ticked. */
record ExpertPageForm(String username, String password, String fullName, String organizationName,
        String organizationCode, String country, String title, List<String> fields, String keywords,
        List<String> languages, String email, Long version) {

    ExpertPageForm {
        fields = fields == null ? List.of() : fields;
        languages = languages == null ? List.of() : languages;
    }

    static ExpertPageForm empty() {
        return new ExpertPageForm(null, null, null, null, null, "CN", null, List.of(), null, List.of("zh"), null, null);
    }

    static ExpertPageForm of(ExpertView e) {
        return new ExpertPageForm(e.username(), null, e.fullName(), e.organizationName(), e.organizationCode(),
                e.country(), e.title(), e.fields(), String.join("，", e.keywords()), e.languages(), e.email(),
                e.version());
    }

    ExpertForm form() {
        return new ExpertForm(fullName, organizationName, organizationCode, country, title, fields,
                ExpertForm.splitKeywords(keywords), languages, email);
    }
}
