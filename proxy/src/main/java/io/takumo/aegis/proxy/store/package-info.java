/** PostgreSQL persistence: connection settings, migrations, the key store. JDBC never runs on an event loop. */
@NullMarked
package io.takumo.aegis.proxy.store;

import org.jspecify.annotations.NullMarked;
