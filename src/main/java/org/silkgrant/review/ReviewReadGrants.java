package org.silkgrant.review;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ReadGrants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An expert reads an application once they have confirmed that they have no conflict with it (CONFIRMED) and
 * after they submitted their review (SUBMITTED); never before, never another one.
 */
@Component
class ReviewReadGrants implements ReadGrants {

    private final ReviewAssignmentRepository assignments;

    ReviewReadGrants(ReviewAssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(SilkGrantUser user, long applicationId) {
        return user != null && user.id() != null && user.hasRole(Role.EXPERT)
                && assignments.existsForUser(user.id(), applicationId, ReviewAssignment.Status.READING);
    }
}
