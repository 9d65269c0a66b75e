package cn.dibao.application;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One line of the case timeline: an action, the state before and after, who, when and why. */
@Entity
@Immutable
@Table(name = "application_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ApplicationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long applicationId;
    @Enumerated(EnumType.STRING)
    private TimelineCode action;
    @Enumerated(EnumType.STRING)
    private ApplicationState fromState;
    @Enumerated(EnumType.STRING)
    private ApplicationState toState;
    private String actor;
    private Instant at;
    private String comment;

    ApplicationEvent(long applicationId, TimelineCode action, ApplicationState from, ApplicationState to, String actor,
                     Instant at, String comment) {
        this.applicationId = applicationId;
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.actor = actor;
        this.at = at;
        this.comment = comment;
    }
}
