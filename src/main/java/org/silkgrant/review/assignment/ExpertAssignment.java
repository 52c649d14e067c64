package org.silkgrant.review.assignment;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The assignment core as a bean, for the review module's services: conflicts of a call and the optimal assignment.
 * Stateless; the OR-Tools native library is loaded on first use. Organisations are also matched by the keys of an
 * {@link OrganisationKeys} bean when one exists (the registry of foreign institutions), by credit code and name alone
 * otherwise.
 */
@Component
public class ExpertAssignment {

    private final OrganisationKeys registry;

    public ExpertAssignment(ObjectProvider<OrganisationKeys> registry) {
        this.registry = registry.getIfAvailable(OrganisationKeys::none);
    }

    public Conflicts conflicts(List<ApplicationProfile> applications, List<ExpertProfile> experts) {
        return ConflictFinder.find(applications, experts, registry);
    }

    public Assignment assign(AssignmentRequest request) {
        return new AssignmentSolver().solve(request, conflicts(request.applications(), request.experts()));
    }

    public Assignment assign(AssignmentRequest request, Conflicts conflicts) {
        return new AssignmentSolver().solve(request, conflicts);
    }
}
