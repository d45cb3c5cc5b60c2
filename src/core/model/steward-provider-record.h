/* steward-provider-record.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PROVIDER_RECORD (steward_provider_record_get_type ())

G_DECLARE_FINAL_TYPE (StewardProviderRecord, steward_provider_record, STEWARD, PROVIDER_RECORD, GObject)

StewardProviderRecord *steward_provider_record_new             (const char            *name,
                                                                const char            *kind,
                                                                const char            *base_url,
                                                                const char            *model,
                                                                const char            *api_key_env);

const char            *steward_provider_record_get_name        (StewardProviderRecord *self);
const char            *steward_provider_record_get_kind        (StewardProviderRecord *self);
const char            *steward_provider_record_get_base_url    (StewardProviderRecord *self);
const char            *steward_provider_record_get_model       (StewardProviderRecord *self);
const char            *steward_provider_record_get_api_key_env (StewardProviderRecord *self);

G_END_DECLS
