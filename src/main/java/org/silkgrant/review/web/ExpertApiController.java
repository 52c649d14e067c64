package org.silkgrant.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.silkgrant.account.Role;
import org.silkgrant.account.SilkGrantUser;
import org.silkgrant.document.FileStore;
import org.silkgrant.review.CreatedExpert;
import org.silkgrant.review.DeclaredConflict;
import org.silkgrant.review.ExpertFilter;
import org.silkgrant.review.ExpertForm;
import org.silkgrant.review.ExpertImportException;
import org.silkgrant.review.ExpertManagement;
import org.silkgrant.review.ExpertView;
import org.silkgrant.review.ImportResult;
import org.silkgrant.review.NewDeclaredConflict;
import org.silkgrant.shared.FieldViolationException;
import org.silkgrant.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The expert registry (docs/review.md "Expert registry"): the program office's experts, their Excel import and
 * template, and each expert's own profile and declared conflicts.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Experts", description = "The expert registry, its Excel import, and the expert's own profile")
class ExpertApiController {

    private final ExpertManagement experts;
    private final MessageSource messages;

    ExpertApiController(ExpertManagement experts, MessageSource messages) {
        this.experts = experts;
        this.messages = messages;
    }

    /** A profile as written by the office or the expert. */
    record ProfileRequest(String fullName, String organizationName, String organizationCode, String country,
            String title, List<String> fields, List<String> keywords, List<String> languages, String email) {

        ExpertForm form() {
            return new ExpertForm(fullName, organizationName, organizationCode, country, title, fields, keywords,
                    languages, email);
        }
    }

    /** A new expert; user name and password may be left out to have them made and returned. */
    record NewExpertRequest(String username, String password, String fullName, String organizationName,
            String organizationCode, String country, String title, List<String> fields, List<String> keywords,
            List<String> languages, String email) {
    }

    /** The office's change: the profile, and {@code active} when the expert is to leave or re-enter the pool. */
    record UpdateRequest(String fullName, String organizationName, String organizationCode, String country,
            String title, List<String> fields, List<String> keywords, List<String> languages, String email,
            Boolean active) {
    }

    /** A created expert and the credentials to hand over ({@code initialPassword} only when generated). */
    record Created(Long id, String username, String initialPassword, ExpertView expert) {

        static Created of(CreatedExpert c) {
            return new Created(c.expert().id(), c.username(), c.initialPassword(), c.expert());
        }
    }

    record Imported(int imported, String fileSha256, List<Created> experts) {
    }

    record PageOf<T>(List<T> content, int page, int size, long totalElements) {

        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
        }
    }

    @GetMapping("/experts")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The registry (program officer): search by name, organisation, field, keyword, country")
    PageOf<ExpertView> search(@RequestParam(required = false) String name,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String field,
            @RequestParam(required = false) String keyword, @RequestParam(required = false) String country,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        org.silkgrant.shared.Paging.check(page, size, 100);
        return PageOf.of(experts.search(new ExpertFilter(name, organization, field, keyword, country, active), page, size));
    }

    @PostMapping("/experts")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Creates an expert and their EXPERT account (program officer); 422 naming each bad field")
    ResponseEntity<Created> create(@RequestBody NewExpertRequest request, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        CreatedExpert created = experts.create(new ExpertForm(request.fullName(), request.organizationName(),
                        request.organizationCode(), request.country(), request.title(), request.fields(),
                        request.keywords(), request.languages(), request.email()), request.username(),
                request.password(), user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/experts/" + created.expert().id())).body(Created.of(created));
    }

    @GetMapping("/experts/template.xlsx")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The Excel import template with the call's field codes (program officer)")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String callCode, Locale locale) {
        return xlsx(experts.template(callCode, locale), messages.getMessage("expertImport.fileName", null, locale));
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileStore.contentDisposition(fileName))
                .body(body);
    }

    @PostMapping(path = "/experts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "Imports experts from the filled-in template (program officer): all or nothing; 422 with "
            + "every bad row, 415 when the file is not .xlsx by content")
    ResponseEntity<Imported> importExperts(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String callCode, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = experts.importWorkbook(in, file.getOriginalFilename(), callCode, user.getUsername(),
                    http.getRemoteAddr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(result.created().size(), result.fileSha256(),
                result.created().stream().map(Created::of).toList()));
    }

    /** One reason a row was refused. */
    record RowProblem(int row, String field, String code, String message) {
    }

    @ExceptionHandler(ExpertImportException.class)
    ResponseEntity<ProblemDetail> importRefused(ExpertImportException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("expertImport.refused", new Object[] {e.errors().size()}, locale));
        problem.setType(URI.create("https://silkgrant.org/problems/invalid"));
        problem.setTitle(messages.getMessage("error.422.title", null, "Unprocessable Content", locale));
        problem.setProperties(Map.of("errors", e.errors().stream().map(r -> new RowProblem(r.row(), r.field(), r.code(),
                messages.getMessage(r.messageKey(), r.arguments(), r.messageKey(), locale))).toList()));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/experts/{id}")
    @PreAuthorize("hasAnyRole('PROGRAM_OFFICER', 'EXPERT')")
    @Operation(summary = "One expert: the program officer any, an expert only their own (others' are 404)")
    ExpertView get(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user) {
        if (user.hasRole(Role.PROGRAM_OFFICER)) {
            return experts.get(id);
        }
        return experts.findByUser(user.id()).filter(e -> e.id().equals(id))
                .orElseThrow(() -> new NotFoundException("expert.notFound"));
    }

    @PutMapping("/experts/{id}")
    @PreAuthorize("hasRole('PROGRAM_OFFICER')")
    @Operation(summary = "The program officer changes an expert (If-Match: version; 409 when changed meanwhile); "
            + "active=false takes the expert out of assignments")
    ExpertView update(@PathVariable Long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody UpdateRequest request, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        ExpertView saved = experts.update(id, new ExpertForm(request.fullName(), request.organizationName(),
                request.organizationCode(), request.country(), request.title(), request.fields(), request.keywords(),
                request.languages(), request.email()), version(ifMatch), user.getUsername(), http.getRemoteAddr());
        if (request.active() != null && request.active() != saved.active()) {
            saved = request.active() ? experts.reactivate(id, user.getUsername(), http.getRemoteAddr())
                    : experts.deactivate(id, user.getUsername(), http.getRemoteAddr());
        }
        return saved;
    }

    @GetMapping("/me/expert-profile")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The signed-in expert's own profile with their declared conflicts")
    ExpertView ownProfile(@AuthenticationPrincipal SilkGrantUser user) {
        return experts.ownProfile(user.id());
    }

    @PutMapping("/me/expert-profile")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The expert changes their own profile (If-Match: version)")
    ExpertView updateOwnProfile(@RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProfileRequest request, @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        return experts.updateOwnProfile(user.id(), request.form(), version(ifMatch), user.getUsername(),
                http.getRemoteAddr());
    }

    @PostMapping("/me/expert-profile/conflicts")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The expert declares a conflict of interest: an organisation, or a person and organisation")
    ResponseEntity<DeclaredConflict> declare(@RequestBody NewDeclaredConflict request,
            @AuthenticationPrincipal SilkGrantUser user, HttpServletRequest http) {
        DeclaredConflict declared = experts.declareConflict(user.id(), request, user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/me/expert-profile/conflicts/" + declared.id())).body(declared);
    }

    @DeleteMapping("/me/expert-profile/conflicts/{id}")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "The expert withdraws one of their declarations (another's is 404)")
    ResponseEntity<Void> withdraw(@PathVariable Long id, @AuthenticationPrincipal SilkGrantUser user,
            HttpServletRequest http) {
        experts.withdrawConflict(user.id(), id, user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new FieldViolationException("If-Match", "REQUIRED", "expert.ifMatch.REQUIRED");
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new FieldViolationException("If-Match", "FORMAT", "expert.ifMatch.REQUIRED");
        }
    }
}
