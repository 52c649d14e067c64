package org.silkgrant.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TransitionRepository extends JpaRepository<Transition, Long> {

    List<Transition> findByApplicationIdOrderById(Long applicationId);

    List<Transition> findTop20ByOrderByIdDesc();
}
