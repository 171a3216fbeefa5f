// RTOS kernels and their network stacks. Conservative: each needs strings
// that only the component's own sources put into a binary.

rule freertos_kernel {
  meta:
    component = "freertos"
    cpe = "amazon:freertos"
    purl = "pkg:generic/freertos"
    version = "FreeRTOS Kernel V{v} || FreeRTOS V{v} || tskKERNEL_VERSION_NUMBER V{v}"
    verified = "strings only (tskKERNEL_VERSION_NUMBER, idle and timer task names)"
  strings:
    $v1 = /FreeRTOS (Kernel )?V[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}/
    // Default task names from tasks.c and timers.c.
    $t1 = "\x00IDLE\x00"
    $t2 = "Tmr Svc\x00"
    $a1 = "FreeRTOS"
  condition:
    ($v1 and ($t1 or $t2)) or ($t2 and $t1 and $a1)
}

rule zephyr_kernel {
  meta:
    component = "zephyr"
    cpe = "zephyrproject:zephyr"
    purl = "pkg:generic/zephyr"
    version = "Booting Zephyr OS build v{v} || Booting Zephyr OS build zephyr-v{v} || Booting Zephyr OS version {v} || Zephyr version {v}"
    verified = "strings only (boot banner of kernel/banner.c)"
  strings:
    // "*** Booting Zephyr OS build v3.5.0 ***" (older: "version 2.7.0")
    $v1 = /\*\*\* Booting Zephyr OS (build v|build zephyr-v|version )[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}/
    $v2 = "*** Booting Zephyr OS build %s %s ***"
    $a1 = "sysworkq"
    $a2 = "z_impl_"
  condition:
    $v1 or ($v2 and any of ($a*))
}

rule lwip_stack {
  meta:
    component = "lwip"
    cpe = "lwip_project:lwip"
    purl = "pkg:generic/lwip"
    verified = "strings only (LWIP_ASSERT texts of core/tcp.c, core/pbuf.c)"
  strings:
    $a1 = "pbuf_free: p->ref > 0"
    $a2 = "tcp_bind: can only bind in state CLOSED"
    $a3 = "pbuf_alloc: erroneous type"
    $a4 = "lwip_"
    $a5 = "tcp_receive: valid queue length"
    $a6 = "netif_add: invalid netif"
  condition:
    3 of them
}

rule threadx_kernel {
  meta:
    component = "threadx"
    cpe = "microsoft:azure_rtos_threadx"
    purl = "pkg:generic/threadx"
    version = " Version G{v} || Version {v}"
    verified = "strings only (_tx_version_id)"
  strings:
    // _tx_version_id: "Copyright (c) Microsoft Corporation. All rights reserved. *  ThreadX Cortex-M4/GNU Version 6.1 *"
    $v1 = /ThreadX [A-Za-z0-9\/_\- ]{1,48} Version G?[0-9]\.[0-9]{1,2}(\.[0-9]{1,2})?/
    $v2 = "Express Logic, Inc.  All rights reserved.  *  ThreadX"
  condition:
    any of them
}
