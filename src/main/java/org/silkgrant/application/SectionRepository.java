package org.silkgrant.application;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SectionRepository extends JpaRepository<Section, Section.Key> {

    List<Section> findByKeyApplicationId(Long applicationId);
}
