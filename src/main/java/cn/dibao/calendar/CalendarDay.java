package cn.dibao.calendar;

import cn.dibao.common.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.LocalDate;

/** A day that differs from the Monday-to-Friday rule (V7). */
@Entity
@Table(name = "calendar_day")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CalendarDay extends AuditedEntity {

    @Id
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    private DayKind kind;

    @Column(nullable = false, length = 30)
    private String name;

    @Column(nullable = false)
    private boolean provisional;

    CalendarDay(LocalDate day, DayKind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    void confirm() {
        this.provisional = false;
    }

    CalendarDayView view() {
        return new CalendarDayView(day, kind, name, provisional);
    }
}
