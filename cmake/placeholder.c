/* Compiled into irqdrv (and its sanitizer variants) only while driver/core,
 * driver/irqchip and driver/of hold no .c files yet, so the library targets exist
 * and everything that links them configures. It drops out automatically (the
 * source globs use CONFIGURE_DEPENDS) once the first driver source appears. */
int irqsim_irqdrv_placeholder = 0;
