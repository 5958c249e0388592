/** Sliding-window rate limits per key, per organization and per client IP (SPEC §8). */
@NullMarked
package io.takumo.aegis.proxy.ratelimit;

import org.jspecify.annotations.NullMarked;
