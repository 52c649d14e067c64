package org.silkgrant.organization;

/**
 * Kinds of organisation, with the credit-code category each must carry: enterprises are registered by market
 * regulation ({@code 91}), public institutions by the institutional registry ({@code 12}); other kinds may
 * register but a call's eligibility rule decides whether they may apply.
 */
public enum OrganizationType {
    ENTERPRISE("91"),
    UNIVERSITY("12"),
    RESEARCH_INSTITUTE("12"),
    HOSPITAL("12"),
    OTHER_PUBLIC_INSTITUTION("12"),
    SOCIAL_ORGANIZATION(null),
    OTHER(null);

    private final String creditCategory;

    OrganizationType(String creditCategory) {
        this.creditCategory = creditCategory;
    }

    /** Whether a credit code of this category fits the type; types without a fixed category accept any. */
    public boolean fits(String category) {
        return creditCategory == null || creditCategory.equals(category);
    }

    public String creditCategory() {
        return creditCategory;
    }
}
