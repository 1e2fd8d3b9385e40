/* fuzz-document-open.h
 *
 * The libFuzzer entry points of the document loader's fuzz target, for the
 * driver that runs it on a corpus without libFuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
