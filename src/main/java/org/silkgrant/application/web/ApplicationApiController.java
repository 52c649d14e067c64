package org.silkgrant.application.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.application.ApplicationManagement;
import org.silkgrant.application.ApplicationStatus;
import org.silkgrant.application.ApplicationView;
import org.silkgrant.application.AttachmentView;
import org.silkgrant.application.Checklist;
import org.silkgrant.application.NotReadyException;
import org.silkgrant.application.Receipt;
import org.silkgrant.application.SectionConflictException;
import org.silkgrant.call.CallDefinition.Severity;
import org.silkgrant.document.FileStore;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.Paging;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** API.md "Applications": create, read, list, save a section with If-Match, and the checklist. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "The application (申报书), section by section, and its checklist")
class ApplicationApiController {

    private final ApplicationManagement applications;
    private final MessageSource messages;

    ApplicationApiController(ApplicationManagement applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    record NewApplication(String callCode, String title) {
    }

    record Created(Long id, ApplicationStatus status, long version) {
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "A project leader starts an application to an open call")
    ResponseEntity<Created> create(@RequestBody NewApplication request, @AuthenticationPrincipal SilkGrantUser leader) {
        ApplicationView created = applications.create(leader, request.callCode(), request.title());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id()))
                .eTag(String.valueOf(created.version()))
                .body(new Created(created.id(), created.status(), created.version()));
    }

    record PageOf<T>(List<T> content, int page, int size, long totalElements) {
    }

    @GetMapping
    @Operation(summary = "The caller's visible applications (the leader's own; all of the organisation for its admin)")
    PageOf<ApplicationView> list(@RequestParam(required = false) String callCode,
            @RequestParam(required = false) ApplicationStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal SilkGrantUser user) {
        Paging.check(page, size, ApplicationManagement.MAX_LIST_SIZE);
        Page<ApplicationView> found = applications.list(user, callCode, status, page, size);
        return new PageOf<>(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application with every saved section; 404 when it is not the caller's")
    ResponseEntity<ApplicationView> get(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        ApplicationView view = applications.get(user, id);
        return ResponseEntity.ok().eTag(String.valueOf(view.version())).body(view);
    }

    record Saved(long version) {
    }

    @PutMapping("/{id}/sections/{name}")
    @PreAuthorize("@applicationManagement.editableBy(principal, #id)")
    @Operation(summary = "Save one section; If-Match carries the version the writer started from (409 on conflict)")
    ResponseEntity<Saved> save(@PathVariable Long id, @PathVariable String name,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body,
            @AuthenticationPrincipal SilkGrantUser user) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new FieldViolationException("If-Match", "REQUIRED", "application.ifMatch.REQUIRED");
        }
        long version;
        try {
            version = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new FieldViolationException("If-Match", "FORMAT", "application.ifMatch.REQUIRED");
        }
        long saved = applications.saveSection(user, id, name, body, version);
        return ResponseEntity.ok().eTag(String.valueOf(saved)).body(new Saved(saved));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@applicationManagement.editableBy(principal, #id)")
    @Operation(summary = "Attach a file of one of the call's kinds; 415 when its content is not an allowed type, 413 when too large")
    ResponseEntity<AttachmentView> attach(@PathVariable Long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SilkGrantUser user)
            throws IOException {
        if (file == null) {
            throw new FieldViolationException("file", "REQUIRED", "application.attachment.file.REQUIRED");
        }
        try (InputStream content = file.getInputStream()) {
            AttachmentView attached = applications.attach(user, id, kind, file.getOriginalFilename(), content);
            return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/attachments/" + attached.id()))
                    .body(attached);
        }
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attached file (only for those who may see the application)")
    ResponseEntity<InputStreamResource> download(@PathVariable Long id, @PathVariable Long attachmentId,
            @AuthenticationPrincipal SilkGrantUser user) {
        ApplicationManagement.Download download = applications.download(user, id, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, FileStore.contentDisposition(download.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .body(new InputStreamResource(download.content()));
    }

    record Submitted(ApplicationStatus status, Receipt receipt) {
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("@applicationManagement.editableBy(principal, #id)")
    @Operation(summary = "Submit: 422 with the failing checklist when not ready, 409 after the deadline; twice gives the same receipt")
    Submitted submit(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        return new Submitted(ApplicationStatus.SUBMITTED, applications.submit(user, id));
    }

    /** 422: the blocking rules that fail, as field errors naming the section that fixes each, and the checklist. */
    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException e, Locale locale) {
        ChecklistJson checklist = json(e.checklist(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("application.notReady", null, locale));
        problem.setType(URI.create("https://silkgrant.org/problems/not-ready"));
        problem.setTitle(messages.getMessage("error.422.title", null, locale));
        problem.setProperties(Map.of("checklist", checklist, "errors", checklist.results().stream()
                .filter(r -> !r.passed() && r.severity() == Severity.BLOCKING)
                .map(r -> Map.of("field", r.section() == null ? r.rule() : r.section(), "code", r.rule(),
                        "message", r.message()))
                .toList()));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record Result(String rule, String clause, List<String> clauses, Severity severity, boolean passed, String message,
            String section) {
    }

    record ChecklistJson(boolean ready, List<Result> results) {
    }

    @GetMapping("/{id}/checklist")
    @Operation(summary = "One result per rule of the call, with its clause and severity, in the caller's language")
    ChecklistJson checklist(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user, Locale locale) {
        return json(applications.checklist(user, id), locale);
    }

    private ChecklistJson json(Checklist checklist, Locale locale) {
        return new ChecklistJson(checklist.ready(), checklist.results().stream()
                .map(r -> new Result(r.rule(), String.join(", ", r.clauses()), r.clauses(), r.severity(), r.passed(),
                        messages.getMessage(r.messageKey(), r.arguments().toArray(), r.messageKey(), locale), r.section()))
                .toList());
    }

    /** 409 with what is saved now, so the writer can compare and choose; nothing was overwritten. */
    @ExceptionHandler(SectionConflictException.class)
    ResponseEntity<ProblemDetail> conflict(SectionConflictException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e.messageKey(), e.arguments(), locale));
        problem.setType(URI.create("https://silkgrant.org/problems/version-conflict"));
        problem.setTitle(messages.getMessage("error.409.title", null, locale));
        problem.setProperties(Map.of("version", e.currentVersion(), "section", e.section(), "current", e.current(),
                "savedBy", e.savedBy()));
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(String.valueOf(e.currentVersion()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
