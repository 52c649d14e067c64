package org.silkgrant.award;

import java.time.Instant;
import java.util.List;

import org.silkgrant.shared.Audited;

/** The office published the public notice of a call's approved applications; each leader is told until when. */
public record NoticePublished(Long noticeId, String callCode, Instant publishedAt, Instant endsAt,
        List<Noticed> applications, String actor, String clientAddress) implements Audited {

    /** An application on the notice and who is told about it. */
    public record Noticed(Long applicationId, String title, Long leaderId, Long organizationId) {
    }

    public NoticePublished {
        applications = List.copyOf(applications);
    }

    @Override
    public String role() {
        return "PROGRAM_OFFICER";
    }

    @Override
    public String action() {
        return "AWARD_NOTICE_PUBLISHED";
    }

    @Override
    public String targetType() {
        return "CALL";
    }

    @Override
    public String targetId() {
        return callCode;
    }

    @Override
    public String outcome() {
        return "SUCCESS";
    }

    @Override
    public String detail() {
        return applications.size() + " applications until " + endsAt;
    }
}
