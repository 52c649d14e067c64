/**
 * The eligibility rules of RULES.md §5, one small class per rule id; {@link org.silkgrant.application.rules.EligibilityRules}
 * lists them and the call decides which run, with which clauses and severity.
 */
package org.silkgrant.application.rules;
