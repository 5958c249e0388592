/** The audit trail (SPEC §12): one event per exchange, metadata only, never values or bodies. */
@NullMarked
package io.takumo.aegis.proxy.audit;

import org.jspecify.annotations.NullMarked;
