// SPDX-License-Identifier: MIT
// <linux/bitmap.h>: ranges across word boundaries and the aligned free-region search.
#include <gtest/gtest.h>

extern "C" {
#include <linux/bitmap.h>
}

TEST(BitmapTest, RangesAcrossWordsSetClearAndTest)
{
    unsigned long* map = bitmap_zalloc(200, GFP_KERNEL);
    ASSERT_NE(map, nullptr);
    bitmap_set(map, 60, 10);
    for (unsigned int i = 0; i < 200; i++)
        EXPECT_EQ(bitmap_test_bit(map, i), i >= 60 && i < 70) << i;
    EXPECT_TRUE(bitmap_range_set(map, 60, 10));
    EXPECT_FALSE(bitmap_range_set(map, 59, 2));
    EXPECT_FALSE(bitmap_range_clear(map, 69, 2));
    EXPECT_TRUE(bitmap_range_clear(map, 70, 130));
    bitmap_clear(map, 62, 3);
    EXPECT_TRUE(bitmap_range_clear(map, 62, 3));
    EXPECT_TRUE(bitmap_range_set(map, 65, 5));
    bitmap_set(map, 0, 200);
    EXPECT_TRUE(bitmap_range_set(map, 0, 200));
    bitmap_free(map);
}

TEST(BitmapTest, FindFreeAlignedSkipsBusyAndRespectsAlignment)
{
    unsigned long* map = bitmap_zalloc(256, GFP_KERNEL);
    ASSERT_NE(map, nullptr);
    bitmap_set(map, 0, 64);  // a full word
    bitmap_set(map, 65, 1);  // breaks [64, 72)
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 8, 0), 72);
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 1, 0), 64);
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 64, 0), 128);
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 128, 0), 128);
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 256, 0), -1);
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 3, 0), -1) << "not a power of two";
    EXPECT_EQ(bitmap_find_free_aligned(map, 100, 64, 0), -1) << "does not fit in nbits";
    EXPECT_EQ(bitmap_find_free_aligned(map, 256, 8, 75), 72) << "start rounded down to the alignment";
    bitmap_free(map);
}
