package cn.dibao.standard.api;

import cn.dibao.area.AreaService;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.household.HukouType;
import cn.dibao.standard.StandardForm;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardService.TimelineEntry;
import cn.dibao.standard.StandardVersion;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

/**
 * Local standards (地方标准) for other systems: the version in force for any staff member, and for
 * administrators what the admin pages do — an area's versions, a new version, an edit of a future
 * version no check used — with the same form, service and rules. A version is one flat object
 * (ADR 0007); a refused one is a problem naming every field it can at once.
 */
@RestController
@RequestMapping("/api/v1/standards")
@Tag(name = "standards", description = "地方标准: effective-dated local parameters of 低保, 特困 and 临时救助")
@PreAuthorize("isAuthenticated()")
class StandardApiController {

    private static final String ADMIN = "hasRole('ADMIN')";
    private static final String API = "/api/v1/standards";

    private final StandardService standards;
    private final AreaService areas;
    private final StandardBody bodies;
    private final JsonMapper json;

    StandardApiController(StandardService standards, AreaService areas, StandardBody bodies, JsonMapper json) {
        this.standards = standards;
        this.areas = areas;
        this.bodies = bodies;
        this.json = json;
    }

    /** A version with where it stands: in force now, FUTURE (editable while no check used it) or SUPERSEDED. */
    record StandardEntry(@JsonUnwrapped StandardVersion standard,
                         @Schema(allowableValues = {"IN_FORCE", "FUTURE", "SUPERSEDED"}) String status,
                         boolean inForceNow, boolean editable, boolean used) {

        static StandardEntry of(TimelineEntry e) {
            return new StandardEntry(e.version(), e.status(), e.inForceNow(), e.editable(), e.used());
        }
    }

    @GetMapping("/in-force")
    @Operation(summary = "The standard version that applies to an area (village, township or county in the "
            + "caller's scope) and hukou type in a month (default: this month); 404 when none")
    StandardVersion inForce(@RequestParam String areaCode, @RequestParam HukouType hukouType,
                            @RequestParam(required = false) YearMonth month) {
        areas.get(areaCode); // 404 outside the caller's scope
        YearMonth m = month == null ? standards.currentMonth() : month;
        return standards.inForce(areaCode, hukouType, m)
                .orElseThrow(() -> new NotFoundException("standard in force", areaCode + " " + m));
    }

    @GetMapping
    @Operation(summary = "An area's own versions (a county or township in the caller's scope), newest month first, "
            + "each with its status, as on the admin timeline")
    List<StandardEntry> timeline(@RequestParam String areaCode) {
        standards.standardArea(areaCode); // 404 for a village or outside the scope
        return standards.timeline(areaCode).stream().map(StandardEntry::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One version of the caller's scope with its status")
    StandardEntry get(@PathVariable long id) {
        return StandardEntry.of(standards.entry(id));
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    @Operation(summary = "A new version for a county or township (administrator)",
            description = "Every field of a version as the API answers it, `areaCode` included, but not `id` and "
                    + "`version`; every parameter must be present (null for an empty optional one). The checks of "
                    + "the admin form: each field's range, 特困 ≥ 1.3 × 低保, extended ≥ total time limit, a "
                    + "percentage top-up ≤ 100, one version per area, hukou type and month.")
    ResponseEntity<StandardEntry> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = StandardVersion.class))) @RequestBody JsonNode body) {
        StandardForm form = bodies.forCreate(body);
        StandardVersion created;
        try {
            created = standards.create(form);
        } catch (DomainException e) {
            throw StandardBody.flat(e);
        }
        return ResponseEntity.created(URI.create(API + "/" + created.id()))
                .body(StandardEntry.of(standards.entry(created.id())));
    }

    @PutMapping("/{id}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Change a version that is still editable: its month is after this month and no stored "
            + "eligibility check used it (otherwise 422; issue a new version instead)",
            description = "The whole version with the `version` it was read at (409 when it changed since); the "
                    + "other read-only fields (`id`, `areaCode`, `status`, …) may be sent back unchanged. The month "
                    + "must stay in the future.")
    StandardEntry update(@PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = StandardVersion.class))) @RequestBody JsonNode body) {
        TimelineEntry entry = standards.entry(id);
        if (!entry.editable()) {
            throw DomainException.global("standard.locked");
        }
        StandardBody.Update change = bodies.forUpdate(body, json.valueToTree(StandardEntry.of(entry)),
                entry.version().areaCode());
        try {
            standards.update(id, change.form(), change.version());
        } catch (DomainException e) {
            throw StandardBody.flat(e);
        }
        return StandardEntry.of(standards.entry(id));
    }
}
