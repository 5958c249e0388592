/**
 * The secret detection engine: finds secrets in bytes by known format, by context and by config
 * shape. Pure Java with no Netty types, used by the proxy, the REST API and the CLI alike.
 */
@NullMarked
package io.takumo.aegis.detect;

import org.jspecify.annotations.NullMarked;
