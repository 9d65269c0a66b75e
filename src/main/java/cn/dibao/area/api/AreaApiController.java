package cn.dibao.area.api;

import cn.dibao.area.AreaForm;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.area.RenameForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The area tree (行政区划) for other systems, limited to the caller's scope. Administrators add,
 * rename and retire areas as on the admin pages: the same forms, service and rules (only an
 * unrestricted administrator adds a county; areas are never deleted).
 */
@RestController
@RequestMapping("/api/v1/areas")
@Tag(name = "areas", description = "行政区划: counties, townships and villages in the caller's scope")
class AreaApiController {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final AreaService areas;

    AreaApiController(AreaService areas) {
        this.areas = areas;
    }

    record Retire(@NotNull(message = "{version.required}") Long version) {
    }

    @GetMapping
    @Operation(summary = "The areas in the caller's scope, parents before their children")
    List<AreaView> list() {
        return areas.listInScope();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One area in the caller's scope; 404 outside it")
    AreaView get(@PathVariable String code) {
        return areas.get(code);
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add a county (unrestricted administrator only), township or village (administrator)")
    ResponseEntity<AreaView> create(@Valid @RequestBody AreaForm body) {
        AreaView created = areas.create(body.toNewArea());
        return ResponseEntity.created(URI.create("/api/v1/areas/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Rename an area (optimistic locking by version)")
    AreaView rename(@PathVariable String code, @Valid @RequestBody RenameForm body) {
        return areas.rename(code, body.name(), body.version());
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Retire an area (never deleted: households and cases keep pointing at it); its active "
            + "children must be retired first")
    AreaView retire(@PathVariable String code, @Valid @RequestBody Retire body) {
        return areas.retire(code, body.version());
    }
}
