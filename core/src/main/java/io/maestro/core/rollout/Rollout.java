package io.maestro.core.rollout;

import java.time.OffsetDateTime;

/**
 * A soft launch of one decision table: {@code candidateVersion} decides the orders of the {@code slice},
 * {@code baseVersion} (the version in force when it started) the rest, until it is promoted or rolled back.
 */
public record Rollout(String id, String decisionKey, int baseVersion, int candidateVersion, Slice slice,
                      RolloutStatus status, OffsetDateTime startedAt, String startedBy, OffsetDateTime endedAt,
                      String endedBy) {

    /** The version that decides an order, given whether it is in the slice and the latest deployed version. */
    public int versionFor(boolean inSlice, int latestDeployed) {
        return switch (status) {
            case ACTIVE -> inSlice ? candidateVersion : baseVersion;
            case PROMOTED -> latestDeployed;
            case ROLLED_BACK -> latestDeployed > candidateVersion ? latestDeployed : baseVersion;
        };
    }
}
