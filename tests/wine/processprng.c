/* The tests' stand-in for Windows' bcryptprimitives.dll under Debian's Wine 8.0, which lacks
 * it (Wine has it from 9.0; every Windows since 8 has it): ProcessPrng, the random source
 * Rust's standard library imports, answered by RtlGenRandom (advapi32's SystemFunction036).
 * Put in the test's Wine prefix (C:\windows\system32), never in a package. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
