package org.silkgrant.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRoundRepository extends JpaRepository<ReviewRound, Long> {

    Optional<ReviewRound> findTopByCallCodeOrderByNumberDesc(String callCode);

    List<ReviewRound> findByCallCodeOrderByNumber(String callCode);
}
