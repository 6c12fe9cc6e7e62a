/* Placeholder entry point; replaced by the command dispatcher. */
#include <stdio.h>
int main(void) { puts("cpr-stats"); return 0; }
