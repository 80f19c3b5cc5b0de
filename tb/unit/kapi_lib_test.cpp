// SPDX-License-Identifier: MIT
// The library half of the kernel-API layer: error pointers, lists, bit
// operations and bitmaps, the heap, and printk (pr_fmt, %pOF, %pa, %pe, %pR).
#define pr_fmt(fmt) "libtest: " fmt  // before any include, as a kernel file does

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "unit/dtb_util.h"
#include "unit/test_support.h"

extern "C" {
#include <asm/byteorder.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
}

namespace {

// ---- err.h ---------------------------------------------------------------------------------

TEST(KapiErr, ErrPtrRoundTrips)
{
    for (long e : std::vector<long>{-1L, -EINVAL, -ENOMEM, -EPROBE_DEFER, -(long)MAX_ERRNO}) {
        void* p = ERR_PTR(e);
        EXPECT_TRUE(IS_ERR(p)) << e;
        EXPECT_TRUE(IS_ERR_OR_NULL(p));
        EXPECT_EQ(PTR_ERR(p), e);
        EXPECT_EQ(PTR_ERR(ERR_CAST(p)), e);
        EXPECT_EQ(PTR_ERR_OR_ZERO(p), (int)e);
    }
    int x;
    EXPECT_FALSE(IS_ERR(&x));
    EXPECT_FALSE(IS_ERR(ERR_PTR(-(long)MAX_ERRNO - 1))) << "only the top MAX_ERRNO addresses are errors";
    EXPECT_FALSE(IS_ERR(nullptr));
    EXPECT_TRUE(IS_ERR_OR_NULL(nullptr));
    EXPECT_EQ(PTR_ERR_OR_ZERO(&x), 0);
    EXPECT_EQ(PTR_ERR_OR_ZERO(nullptr), 0);
    EXPECT_EQ(EPROBE_DEFER, 517);
}

// ---- list.h --------------------------------------------------------------------------------

struct Item {
    int v;
    list_head node;
};

std::vector<int> Values(list_head* head)
{
    std::vector<int> out;
    Item* it;
    list_for_each_entry(it, head, node) out.push_back(it->v);
    return out;
}

TEST(KapiList, AddDelMoveSpliceAndIterate)
{
    LIST_HEAD(a);
    LIST_HEAD(b);
    Item items[6];
    EXPECT_TRUE(list_empty(&a));
    for (int i = 0; i < 4; i++) {
        items[i].v = i;
        list_add_tail(&items[i].node, &a);
    }
    items[4].v = 4;
    list_add(&items[4].node, &a);  // to the front
    EXPECT_EQ(Values(&a), (std::vector<int>{4, 0, 1, 2, 3}));
    EXPECT_EQ(list_first_entry(&a, Item, node)->v, 4);
    EXPECT_EQ(list_count_nodes(&a), 5u);

    std::vector<int> rev;
    Item *it, *tmp;
    list_for_each_entry_reverse(it, &a, node) rev.push_back(it->v);
    EXPECT_EQ(rev, (std::vector<int>{3, 2, 1, 0, 4}));

    list_del(&items[1].node);
    EXPECT_EQ(items[1].node.next, LIST_POISON1);
    list_move_tail(&items[4].node, &a);
    EXPECT_EQ(Values(&a), (std::vector<int>{0, 2, 3, 4}));

    // safe iteration may delete the current entry
    list_for_each_entry_safe(it, tmp, &a, node) if (it->v % 2 == 0) list_del_init(&it->node);
    EXPECT_EQ(Values(&a), (std::vector<int>{3}));
    EXPECT_TRUE(list_empty(&items[0].node)) << "list_del_init leaves a self-linked entry";

    items[5].v = 5;
    list_add_tail(&items[5].node, &b);
    list_splice_init(&b, &a);  // to the front of a, b left empty
    EXPECT_TRUE(list_empty(&b));
    EXPECT_EQ(Values(&a), (std::vector<int>{5, 3}));
    EXPECT_TRUE(list_is_last(&items[3].node, &a));
}

// ---- bitops / bitmap -------------------------------------------------------------------------

TEST(KapiBitops, SetClearTestAndSearch)
{
    DECLARE_BITMAP(map, 200);
    bitmap_zero(map, 200);
    EXPECT_EQ(BITS_TO_LONGS(200), 4u);
    EXPECT_EQ(sizeof(map), 4 * sizeof(long));
    EXPECT_EQ(find_first_bit(map, 200), 200u) << "none: size";
    set_bit(3, map);
    __set_bit(64, map);
    set_bit(199, map);
    EXPECT_TRUE(test_bit(64, map));
    EXPECT_EQ(map[1], 1UL) << "bit 64 is bit 0 of word 1, as in the kernel";
    EXPECT_EQ(find_first_bit(map, 200), 3u);
    EXPECT_EQ(find_next_bit(map, 200, 4), 64u);
    EXPECT_EQ(find_next_bit(map, 199, 65), 199u) << "bit 199 is outside a 199-bit search";
    EXPECT_EQ(find_first_zero_bit(map, 200), 0u);
    EXPECT_TRUE(test_and_clear_bit(3, map));
    EXPECT_FALSE(test_and_clear_bit(3, map));
    __clear_bit(64, map);
    std::vector<unsigned long> seen;
    unsigned long bit;
    for_each_set_bit(bit, map, 200) seen.push_back(bit);
    EXPECT_EQ(seen, (std::vector<unsigned long>{199}));
    bitmap_fill(map, 130);
    EXPECT_EQ(find_first_zero_bit(map, 200), 130u);
    EXPECT_EQ(find_next_zero_bit(map, 130, 0), 130u);
    EXPECT_EQ(bitmap_weight(map, 200), 131u);
    EXPECT_EQ(find_last_bit(map, 200), 199u);

    EXPECT_EQ(BIT(5), 32UL);
    EXPECT_EQ(GENMASK(7, 4), 0xf0UL);
    EXPECT_EQ(GENMASK(63, 0), ~0UL);
    EXPECT_EQ(GENMASK_ULL(39, 32), 0xff00000000ULL);
    EXPECT_EQ(get_count_order(1), 0);
    EXPECT_EQ(get_count_order(2), 1);
    EXPECT_EQ(get_count_order(3), 2);
    EXPECT_EQ(get_count_order(32), 5);
    EXPECT_EQ(get_count_order(33), 6);
    EXPECT_EQ(ilog2(4096), 12);
    EXPECT_EQ(roundup_pow_of_two(5), 8UL);
    EXPECT_EQ(fls(0), 0);
    EXPECT_EQ(fls(0x80), 8);
    EXPECT_EQ(__ffs(0x80UL), 7UL);
}

TEST(KapiBitmap, FindFreeRegionIsAlignedToItsSize)
{
    unsigned long* map = bitmap_zalloc(64, GFP_KERNEL);
    ASSERT_NE(map, nullptr);
    EXPECT_EQ(bitmap_find_free_region(map, 64, 0), 0);   // bit 0
    EXPECT_EQ(bitmap_find_free_region(map, 64, 2), 4);   // 4 bits at a multiple of 4: 4..7
    EXPECT_EQ(bitmap_find_free_region(map, 64, 0), 1);   // single bits fill the gaps
    EXPECT_EQ(bitmap_find_free_region(map, 64, 3), 8);   // 8..15
    EXPECT_EQ(bitmap_find_free_region(map, 64, 4), 16);  // 16..31
    EXPECT_EQ(bitmap_find_free_region(map, 64, 5), 32);  // 32..63
    EXPECT_EQ(bitmap_find_free_region(map, 64, 5), -ENOMEM);
    EXPECT_EQ(bitmap_find_free_region(map, 64, 1), 2);  // 2..3, the last aligned pair
    EXPECT_EQ(bitmap_find_free_region(map, 64, 0), -ENOMEM);
    EXPECT_TRUE(bitmap_full(map, 64));
    bitmap_release_region(map, 8, 3);
    EXPECT_EQ(bitmap_weight(map, 64), 56u);
    EXPECT_EQ(bitmap_allocate_region(map, 8, 2), 0);
    EXPECT_EQ(bitmap_allocate_region(map, 8, 2), -EBUSY);
    EXPECT_EQ(bitmap_find_free_region(map, 64, 2), 12);
    // a region never straddles the end of the map
    bitmap_zero(map, 64);
    bitmap_set(map, 0, 40);
    EXPECT_EQ(bitmap_find_free_region(map, 50, 3), 40);
    EXPECT_EQ(bitmap_find_free_region(map, 50, 3), -ENOMEM) << "48..55 does not fit in 50 bits";
    bitmap_clear(map, 0, 40);
    EXPECT_EQ(bitmap_find_next_zero_area(map, 64, 1, 4, 3), 4u) << "first run of 4 aligned to 4 from bit 1";
    bitmap_free(map);
}

// ---- slab ------------------------------------------------------------------------------------

TEST(KapiSlab, AllocationsAndOverflow)
{
    int* z = static_cast<int*>(kzalloc(64 * sizeof(int), GFP_KERNEL));
    ASSERT_NE(z, nullptr);
    for (int i = 0; i < 64; i++)
        EXPECT_EQ(z[i], 0);
    z = static_cast<int*>(krealloc(z, 128 * sizeof(int), GFP_KERNEL));
    ASSERT_NE(z, nullptr);
    kfree(z);
    kfree(nullptr);
    EXPECT_EQ(kcalloc(SIZE_MAX / 2, 4, GFP_KERNEL), nullptr) << "n * size overflows";
    EXPECT_EQ(kmalloc_array(SIZE_MAX / 2, 4, GFP_ATOMIC), nullptr);
    char* s = kstrdup("hello", GFP_KERNEL);
    EXPECT_STREQ(s, "hello");
    kfree(s);
    s = kstrndup("hello", 3, GFP_KERNEL);
    EXPECT_STREQ(s, "hel");
    kfree(s);
    s = kasprintf(GFP_KERNEL, "%s=%d", "x", 5);
    EXPECT_STREQ(s, "x=5");
    kfree(s);
    // <linux/kernel.h> keeps std::min/std::max usable in C++ (its macros are C-only)
    EXPECT_EQ(std::min(3, 5), 3);
}

TEST(KapiMisc, ByteorderAndMutex)
{
    EXPECT_EQ(be32_to_cpu(cpu_to_be32(0x12345678u)), 0x12345678u);
    const unsigned char raw[4] = {0x12, 0x34, 0x56, 0x78};
    __be32 be;
    memcpy(&be, raw, 4);
    EXPECT_EQ(be32_to_cpu(be), 0x12345678u) << "device-tree cells are big-endian";
    EXPECT_EQ(le32_to_cpu(cpu_to_le32(0xabcdu)), 0xabcdu);
    static DEFINE_MUTEX(lock);
    mutex_lock(&lock);
    mutex_unlock(&lock);
}

// ---- printk --------------------------------------------------------------------------------

class KapiPrintk : public CoreTest {};

std::string Fmt(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string Fmt(const char* fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    irqsim_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return buf;
}

TEST_F(KapiPrintk, PrFmtPrefixesEveryLevel)
{
    pr_err("e %d", 1);
    pr_warn("w");
    pr_info("i %s\n", "x");
    pr_debug("d");
    printk(KERN_NOTICE "raw %d", 2);
    ASSERT_EQ(logs.size(), 5u);
    EXPECT_EQ(logs[0].text, "libtest: e 1");
    EXPECT_EQ(logs[0].level, LOGLEVEL_ERR);
    EXPECT_EQ(logs[1].text, "libtest: w");
    EXPECT_EQ(logs[2].text, "libtest: i x") << "trailing newline dropped";
    EXPECT_EQ(logs[2].level, LOGLEVEL_INFO);
    EXPECT_EQ(logs[3].level, LOGLEVEL_DEBUG);
    EXPECT_EQ(logs[4].text, "raw 2") << "printk does not use pr_fmt";
    EXPECT_EQ(logs[4].level, LOGLEVEL_NOTICE);
    for (int i = 0; i < 3; i++)
        pr_warn_once("once");
    EXPECT_EQ(CountLogs("libtest: once"), 1u);
    for (int v = 3; v < 6; v++)
        EXPECT_EQ(WARN_ON_ONCE(v >= 4), v >= 4) << "evaluates to the condition every time";
    EXPECT_EQ(CountLogs("v >= 4"), 1u) << "one line per call site: " << AllLogs();
}

TEST_F(KapiPrintk, PointerExtensions)
{
    std::string err;
    auto blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	soc {
		intc: interrupt-controller@8000000 { compatible = "arm,gic-v3", "arm,gic"; phandle = <7>; };
	};
};
)",
                                        &err);
    ASSERT_FALSE(blob.empty()) << err;
    device_node* root = of_fdt_unflatten(blob.data(), blob.size());
    ASSERT_FALSE(IS_ERR_OR_NULL(root));
    device_node* np = of_find_node_by_path("/soc/interrupt-controller@8000000");
    ASSERT_NE(np, nullptr);

    EXPECT_EQ(Fmt("%pOF", np), "/soc/interrupt-controller@8000000");
    EXPECT_EQ(Fmt("[%pOFf]", np), "[/soc/interrupt-controller@8000000]");
    EXPECT_EQ(Fmt("%pOFn", np), "interrupt-controller");
    EXPECT_EQ(Fmt("%pOFP", np), "interrupt-controller@8000000");
    EXPECT_EQ(Fmt("%pOFc", np), "arm,gic-v3");
    EXPECT_EQ(Fmt("%pOF", root), "/");
    EXPECT_EQ(Fmt("%pOF", (device_node*)nullptr), "(null)");
    phys_addr_t pa = 0x12340000;
    dma_addr_t da = 0xfee00000;
    EXPECT_EQ(Fmt("at %pa.", &pa), "at 0x0000000012340000.");
    EXPECT_EQ(Fmt("%pap", &pa), "0x0000000012340000");
    EXPECT_EQ(Fmt("%pad", &da), "0x00000000fee00000");
    EXPECT_EQ(Fmt("%pe %pe", ERR_PTR(-EPROBE_DEFER), ERR_PTR(-ENOMEM)), "-EPROBE_DEFER -ENOMEM");
    EXPECT_EQ(Fmt("%pe", ERR_PTR(-4000)), "-4000");
    struct resource r = DEFINE_RES_MEM(0x12340000, 0x10000);
    struct resource irq = DEFINE_RES_IRQ(5);
    EXPECT_EQ(Fmt("%pR %pR", &r, &irq), "[mem 0x12340000-0x1234ffff] [irq 5]");
    // ordinary conversions around the extensions still work, widths included
    EXPECT_EQ(
        Fmt("%5d|%-4s|%lx|%llu|%c|%.2f|%%|%*d|%zu", 42, "ab", 0xabcUL, 123ULL, 'z', 1.5, 3, 7, (size_t)9),
        "   42|ab  |abc|123|z|1.50|%|  7|9");
    // truncation keeps the would-be length, like snprintf
    char small[8];
    EXPECT_EQ(irqsim_snprintf(small, sizeof(small), "%pOF", np), 33);
    EXPECT_STREQ(small, "/soc/in");
    // pr_* go through the same formatter
    pr_info("node %pOF", np);
    EXPECT_EQ(logs.back().text, "libtest: node /soc/interrupt-controller@8000000");
    of_fdt_free(root);
}

}  // namespace
