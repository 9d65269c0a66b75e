package cn.dibao.household.api;

import cn.dibao.household.AssetData;
import cn.dibao.household.DeductionData;
import cn.dibao.household.ExpenseData;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdQuery;
import cn.dibao.household.HouseholdRow;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HouseholdStatus;
import cn.dibao.household.HouseholdTag;
import cn.dibao.household.IncomeData;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.ObligorData;
import cn.dibao.household.PersonData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * 一户一档 for other systems. The same service, scope and validation as the pages; errors are
 * RFC 9457 problem documents with field errors.
 */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "households", description = "一户一档: households, members and their items")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
class HouseholdApiController {

    private static final String WRITE = "hasRole('CASEWORKER')";

    private final HouseholdService households;

    HouseholdApiController(HouseholdService households) {
        this.households = households;
    }

    @Schema(name = "HouseholdSearchResult")
    record SearchResult(List<HouseholdRow> items, int page, int size, boolean hasNext) {
    }

    record Created(long id) {
    }

    record Versioned<T>(@Valid @NotNull(message = "{household.required}") T data,
                        @NotNull(message = "{version.required}") Long version) {
    }

    record Revealed(long personId, String idNumber) {
    }

    @GetMapping
    @Operation(summary = "Search households in the caller's area scope (ID numbers masked)")
    SearchResult search(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                        @RequestParam(required = false) String areaCode,
                        @RequestParam(required = false) HouseholdStatus status,
                        @RequestParam(required = false) HouseholdTag tag, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        Slice<HouseholdRow> s = households.search(new HouseholdQuery(name, idNumber, areaCode, status, tag), page, size);
        return new SearchResult(s.getContent(), s.getNumber(), s.getSize(), s.hasNext());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The household file: members, income, deductions, assets, expenses, obligors, history")
    HouseholdFile get(@PathVariable long id) {
        return households.file(id);
    }

    @PostMapping
    @PreAuthorize(WRITE)
    @Operation(summary = "Create a household with its head")
    ResponseEntity<Created> create(@Valid @RequestBody NewHousehold body) {
        long id = households.create(body);
        return ResponseEntity.created(URI.create("/api/v1/households/" + id)).body(new Created(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Update the household's own data (optimistic locking by version)")
    HouseholdFile update(@PathVariable long id, @Valid @RequestBody Versioned<HouseholdData> body) {
        households.update(id, body.data(), body.version());
        return households.file(id);
    }

    @PostMapping("/{id}/members")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member (new person, or a known one in no other household)")
    Created addMember(@PathVariable long id, @Valid @RequestBody NewMember body) {
        return new Created(households.addMember(id, body));
    }

    @PutMapping("/{id}/members/{memberId}")
    @PreAuthorize(WRITE)
    HouseholdFile updateMembership(@PathVariable long id, @PathVariable long memberId,
                                   @Valid @RequestBody Versioned<MemberData> body) {
        households.updateMembership(id, memberId, body.data(), body.version());
        return households.file(id);
    }

    /** Every field a caseworker records about a person (the file's member list shows a summary), phone and ID masked. */
    record PersonRecord(long personId, long version, PersonData person) {
    }

    @GetMapping("/{id}/persons/{personId}")
    @Operation(summary = "All recorded fields of a member's person (ID number and phone masked)")
    PersonRecord person(@PathVariable long id, @PathVariable long personId) {
        PersonData d = households.personData(id, personId);
        return new PersonRecord(personId, households.personVersion(id, personId),
                d.withIdNumberAndPhone(d.idNumber(), cn.dibao.common.identity.IdNumbers.mask(d.phone())));
    }

    @PutMapping("/{id}/persons/{personId}")
    @PreAuthorize(WRITE)
    HouseholdFile updatePerson(@PathVariable long id, @PathVariable long personId,
                               @Valid @RequestBody Versioned<PersonData> body) {
        households.updatePerson(id, personId, body.data(), body.version());
        return households.file(id);
    }

    @PostMapping("/{id}/persons/{personId}/id-number/reveal")
    @Operation(summary = "The full ID number of a member; permitted roles only, audited")
    Revealed reveal(@PathVariable long id, @PathVariable long personId) {
        return new Revealed(personId, households.revealIdNumber(id, personId));
    }

    @PostMapping("/{id}/incomes")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Created addIncome(@PathVariable long id, @Valid @RequestBody IncomeData body) {
        return new Created(households.addIncome(id, body));
    }

    @PostMapping("/{id}/deductions")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Created addDeduction(@PathVariable long id, @Valid @RequestBody DeductionData body) {
        return new Created(households.addDeduction(id, body));
    }

    @PostMapping("/{id}/assets")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Created addAsset(@PathVariable long id, @Valid @RequestBody AssetData body) {
        return new Created(households.addAsset(id, body));
    }

    @PostMapping("/{id}/expenses")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Created addExpense(@PathVariable long id, @Valid @RequestBody ExpenseData body) {
        return new Created(households.addExpense(id, body));
    }

    @PostMapping("/{id}/obligors")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Created addObligor(@PathVariable long id, @Valid @RequestBody ObligorData body) {
        return new Created(households.addObligor(id, body));
    }

    @PutMapping("/{id}/obligors/{obligorId}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Replace an obligor's recorded facts (every field; a masked ID number keeps the stored one)")
    HouseholdFile updateObligor(@PathVariable long id, @PathVariable long obligorId,
                                @Valid @RequestBody Versioned<ObligorData> body) {
        households.updateObligor(id, obligorId, body.data(), body.version());
        return households.file(id);
    }

    @DeleteMapping("/{id}/{kind:incomes|deductions|assets|expenses|obligors}/{itemId}")
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeItem(@PathVariable long id, @PathVariable String kind, @PathVariable long itemId) {
        households.removeItem(id, HouseholdService.ItemKind.fromPath(kind), itemId);
    }
}
