/**
 * The algorithmic core of expert assignment, free of the database: conflicts of interest ({@link
 * org.silkgrant.review.assignment.ConflictFinder}), the affinity score ({@link
 * org.silkgrant.review.assignment.Affinity}) and the min-cost-flow solver ({@link
 * org.silkgrant.review.assignment.AssignmentSolver}). docs/review.md explains the rules and why the result is optimal.
 */
package org.silkgrant.review.assignment;
