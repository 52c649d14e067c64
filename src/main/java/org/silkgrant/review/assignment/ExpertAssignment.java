package org.silkgrant.review.assignment;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The assignment core as a bean, for the review module's services: conflicts of a call and the optimal assignment.
 * Stateless; the OR-Tools native library is loaded on first use.
 */
@Component
public class ExpertAssignment {

    public Conflicts conflicts(List<ApplicationProfile> applications, List<ExpertProfile> experts) {
        return ConflictFinder.find(applications, experts);
    }

    public Assignment assign(AssignmentRequest request) {
        return new AssignmentSolver().solve(request);
    }

    public Assignment assign(AssignmentRequest request, Conflicts conflicts) {
        return new AssignmentSolver().solve(request, conflicts);
    }
}
