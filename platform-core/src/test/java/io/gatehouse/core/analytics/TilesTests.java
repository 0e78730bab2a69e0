package io.gatehouse.core.analytics;

import static io.gatehouse.core.analytics.Resolution.DAY;
import static io.gatehouse.core.analytics.Resolution.HOUR;
import static io.gatehouse.core.analytics.Resolution.MINUTE;
import static io.gatehouse.core.analytics.Resolution.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gatehouse.core.analytics.AnalyticsQueries.Tile;

/** How totals tile a range with the rollup levels a table keeps (weeks start on Thursdays, as 1970-01-01 did). */
class TilesTests {

    /** A Sunday, 22:17:31 UTC. */
    private static final Instant NOW = Instant.parse("2026-12-06T22:17:31Z");
    private static final Instant TODAY = Instant.parse("2026-12-06T00:00:00Z");
    private static final List<Resolution> TOP_LISTS = List.of(HOUR, DAY, WEEK);

    @Test
    void theLast24HoursEndingNowReadTheHoursBeforeMidnightAndTodaysDayRow() {
        assertThat(AnalyticsQueries.tiles(NOW.minus(Duration.ofHours(24)), NOW, true, TOP_LISTS)).containsExactly(
                new Tile(HOUR, Instant.parse("2026-12-05T22:00:00Z"), TODAY),
                new Tile(DAY, TODAY, NOW));
    }

    @Test
    void theLastHourEndingNowReadsMinutesUpToTheHourAndThatHoursRow() {
        assertThat(AnalyticsQueries.tiles(NOW.minus(Duration.ofHours(1)), NOW, true, List.of(MINUTE, HOUR, DAY)))
                .containsExactly(new Tile(MINUTE, Instant.parse("2026-12-06T21:17:00Z"),
                        Instant.parse("2026-12-06T22:00:00Z")),
                        new Tile(HOUR, Instant.parse("2026-12-06T22:00:00Z"), NOW));
    }

    @Test
    void aRangeEndingNowOnTheFirstDayOfAWeekReadsThatWeeksRow() {
        Instant thursday = Instant.parse("2026-12-03T00:00:00Z");
        Instant now = thursday.plus(Duration.ofHours(9));
        assertThat(AnalyticsQueries.tiles(now.minus(Duration.ofHours(24)), now, true, TOP_LISTS)).containsExactly(
                new Tile(HOUR, Instant.parse("2026-12-02T09:00:00Z"), thursday), new Tile(WEEK, thursday, now));
    }

    @Test
    void aRangeEndingInThePastNeverReadsARowThatEndsAfterTheBucketHoldingItsEnd() {
        Instant to = Instant.parse("2026-12-01T13:00:00Z");
        List<Tile> tiles = AnalyticsQueries.tiles(Instant.parse("2026-11-10T00:00:00Z"), to, false,
                List.of(DAY, WEEK));
        assertThat(tiles).containsExactly(
                new Tile(DAY, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z")),
                new Tile(WEEK, Instant.parse("2026-11-12T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z")),
                new Tile(DAY, Instant.parse("2026-11-26T00:00:00Z"), to));
        assertThat(AnalyticsQueries.tiles(NOW.minus(Duration.ofHours(24)), NOW, false, TOP_LISTS))
                .as("the same 24 hours, not ending now: hours only, today's too")
                .containsExactly(new Tile(HOUR, Instant.parse("2026-12-05T22:00:00Z"), NOW));
    }

    @Test
    void tilesCoverEveryBucketOfTheFinestLevelOnceAndNothingOutsideTheRange() {
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        for (int fromHours = 0; fromHours < 24 * 9; fromHours += 5) {
            for (int lengthHours : List.of(1, 2, 23, 24, 25, 24 * 7, 24 * 7 + 11, 24 * 30)) {
                Instant from = start.plus(Duration.ofHours(fromHours)).plus(Duration.ofMinutes(13));
                Instant to = from.plus(Duration.ofHours(lengthHours));
                for (boolean endsNow : List.of(false, true)) {
                    List<Tile> tiles = AnalyticsQueries.tiles(from, to, endsNow, TOP_LISTS);
                    String range = from + " to " + to + (endsNow ? ", ending now" : "");
                    // The hours each tile's rows hold, in order: from the hour holding `from` on, each once.
                    List<Instant> hours = new ArrayList<>();
                    for (Tile tile : tiles) {
                        assertThat(tile.from()).as(range).isEqualTo(tile.level().bucketOf(tile.from()));
                        for (Instant bucket = tile.from(); bucket.isBefore(tile.to());
                                bucket = bucket.plus(tile.level().length())) {
                            for (Instant hour = bucket; hour.isBefore(bucket.plus(tile.level().length()));
                                    hour = hour.plus(HOUR.length())) {
                                hours.add(hour);
                            }
                        }
                    }
                    assertThat(hours.get(0)).as(range).isEqualTo(HOUR.bucketOf(from));
                    for (int i = 1; i < hours.size(); i++) {
                        assertThat(hours.get(i)).as(range).isEqualTo(hours.get(i - 1).plus(HOUR.length()));
                    }
                    Instant last = hours.get(hours.size() - 1);
                    assertThat(last).as(range + ": the hour holding its end is read").isAfterOrEqualTo(
                            HOUR.bucketOf(to.minusNanos(1)));
                    if (!endsNow) {
                        assertThat(last).as(range + ": nothing after that hour").isEqualTo(
                                HOUR.bucketOf(to.minusNanos(1)));
                    }
                }
            }
        }
    }
}
