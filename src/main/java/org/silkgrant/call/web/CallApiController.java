package org.silkgrant.call.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.silkgrant.call.CallManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** API.md "Calls": the calls and their whole definitions, readable by anyone; the schedule, by the office. */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls", description = "Calls for proposals defined as data")
class CallApiController {

    private final CallManagement calls;

    CallApiController(CallManagement calls) {
        this.calls = calls;
    }

    @GetMapping
    @Operation(summary = "Every call with its status, opening time and deadline")
    List<CallJson.Summary> list(Locale locale) {
        return calls.calls().stream().map(c -> CallJson.Summary.of(c, locale)).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "The whole definition of one call; 404 for an unknown code")
    CallJson.Detail get(@PathVariable String code, Locale locale) {
        return CallJson.Detail.of(calls.get(code), locale);
    }

    /** New opening time and deadline, as instants. */
    record ScheduleRequest(@NotNull Instant opensAt, @NotNull Instant deadline) {
    }

    @PutMapping("/{code}/schedule")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The program office sets the call's opening time and deadline (If-Match: version)")
    ResponseEntity<CallJson.Detail> reschedule(@PathVariable String code, @RequestHeader("If-Match") String ifMatch,
            @Valid @RequestBody ScheduleRequest request, Locale locale) {
        long version;
        try {
            version = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new org.silkgrant.shared.FieldViolationException("If-Match", "FORMAT", "input.header.version");
        }
        return ResponseEntity.ok(CallJson.Detail.of(
                calls.reschedule(code, request.opensAt(), request.deadline(), version), locale));
    }
}
