package io.maestro.app.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The contiguous United States drawn in SVG: an equirectangular projection scaled for the middle latitude (good enough
 * to place nodes where they are), the outline a coarse polygon of the coast and borders.
 */
public final class UsMap {

    public static final int WIDTH = 840;
    public static final int HEIGHT = 470;
    private static final double WEST = -125.0;
    private static final double NORTH = 50.0;
    private static final double SCALE = 18.0;
    private static final double LON_SCALE = SCALE * Math.cos(Math.toRadians(38));

    /** Longitude, latitude pairs around the contiguous US, clockwise from the Pacific north-west. */
    private static final double[][] OUTLINE = {
        {-124.7, 48.4}, {-123.0, 49.0}, {-95.2, 49.0}, {-95.2, 49.4}, {-89.6, 48.0}, {-84.5, 46.5}, {-82.5, 45.3},
        {-82.4, 43.0}, {-79.0, 43.3}, {-76.8, 43.6}, {-75.0, 45.0}, {-71.5, 45.0}, {-70.0, 46.7}, {-67.8, 47.1},
        {-67.0, 44.8}, {-70.2, 43.6}, {-70.6, 42.0}, {-71.9, 41.3}, {-74.0, 40.6}, {-74.0, 39.5}, {-74.9, 38.9},
        {-75.5, 38.5}, {-76.0, 37.0}, {-75.5, 35.2}, {-77.9, 33.9}, {-79.9, 32.7}, {-81.4, 30.7}, {-80.1, 26.9},
        {-80.4, 25.2}, {-81.8, 25.9}, {-82.7, 27.7}, {-83.0, 29.2}, {-84.3, 30.0}, {-86.5, 30.4}, {-89.5, 30.2},
        {-89.4, 29.0}, {-90.5, 29.1}, {-93.8, 29.7}, {-95.0, 29.3}, {-97.2, 27.8}, {-97.2, 25.9}, {-99.5, 27.5},
        {-101.4, 29.8}, {-103.3, 29.0}, {-104.5, 29.6}, {-106.5, 31.8}, {-108.2, 31.3}, {-111.1, 31.3},
        {-114.8, 32.5}, {-117.1, 32.5}, {-118.5, 34.0}, {-120.6, 34.6}, {-122.5, 37.8}, {-123.8, 39.8},
        {-124.2, 42.0}, {-124.0, 46.3}};

    private UsMap() {
    }

    public static double x(double longitude) {
        return round((longitude - WEST) * LON_SCALE);
    }

    public static double y(double latitude) {
        return round((NORTH - latitude) * SCALE);
    }

    /** The outline as the {@code points} of an SVG polygon. */
    public static String outline() {
        return List.of(OUTLINE).stream().map(p -> x(p[0]) + "," + y(p[1])).collect(Collectors.joining(" "));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
