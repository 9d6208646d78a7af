// Launchers and the reload magazine: a launcher fires its tubes, a transloader reloads it from the
// battalion's stock after the reload time (never more than its tubes, never more than the stock), one
// launcher per transloader at a time.
#include <gtest/gtest.h>

#include "weapons/magazine.hpp"

namespace skyshield {
namespace {

LauncherConfig tel(const char* name, int tubes, int cls = 0) {
  LauncherConfig c;
  c.name = name;
  c.site = Geodetic{-25.0, 135.0, 0.0};
  c.interceptor_class = cls;
  c.tubes = tubes;
  c.reaction_time_s = 5.0;
  c.launch_interval_s = 3.0;
  return c;
}

TEST(Magazine, ReloadsAnEmptyLauncherAfterTheReloadTime) {
  std::vector<Launcher> ls{Launcher(tel("L1", 2))};
  Magazine m({{3}, 1, 600.0});
  EXPECT_TRUE(m.update(0.0, ls).empty());  // full: nothing to do
  EXPECT_DOUBLE_EQ(ls[0].accept_order(10.0), 15.0);
  EXPECT_FALSE(ls[0].ready(11.0));  // launch interval
  ls[0].accept_order(13.0);
  EXPECT_EQ(ls[0].rounds_left(), 0);
  const std::vector<ReloadEvent> start = m.update(13.0, ls);
  ASSERT_EQ(start.size(), 1u);
  EXPECT_FALSE(start[0].done);
  EXPECT_EQ(start[0].rounds, 2);
  EXPECT_DOUBLE_EQ(start[0].done_t, 613.0);
  EXPECT_EQ(m.stock(0), 1);
  EXPECT_TRUE(m.update(612.9, ls).empty());
  EXPECT_FALSE(ls[0].ready(612.9));
  const std::vector<ReloadEvent> done = m.update(613.0, ls);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(done[0].done);
  EXPECT_EQ(ls[0].rounds_left(), 2);
  EXPECT_TRUE(ls[0].ready(613.0));
  // Empty again: the last round of the stock.
  ls[0].accept_order(620.0);
  ls[0].accept_order(630.0);
  ASSERT_EQ(m.update(630.0, ls).size(), 1u);
  m.update(1230.0, ls);
  EXPECT_EQ(ls[0].rounds_left(), 1);
  EXPECT_EQ(m.total_stock(), 0);
  ls[0].accept_order(1240.0);
  EXPECT_TRUE(m.update(1240.0, ls).empty());  // nothing left to reload with
  EXPECT_FALSE(ls[0].ready(2000.0));
}

TEST(Magazine, OneLauncherPerTransloaderAndOnlyItsClass) {
  std::vector<Launcher> ls{Launcher(tel("L1", 4)), Launcher(tel("L2", 4)), Launcher(tel("L3", 2, 1))};
  Magazine m({{8, 0}, 1, 100.0});
  for (Launcher& l : ls)
    for (int k = 0; k < l.config().tubes; ++k) l.accept_order(10.0 * k);
  const std::vector<ReloadEvent> a = m.update(50.0, ls);
  ASSERT_EQ(a.size(), 1u);  // one transloader: L1 first, L2 waits, L3's class has no stock
  EXPECT_EQ(a[0].launcher, 0);
  const std::vector<ReloadEvent> b = m.update(150.0, ls);
  ASSERT_EQ(b.size(), 2u);  // L1 loaded, then L2 started on the freed transloader
  EXPECT_TRUE(b[0].done);
  EXPECT_EQ(b[1].launcher, 1);
  EXPECT_DOUBLE_EQ(b[1].done_t, 250.0);
  m.update(250.0, ls);
  EXPECT_EQ(ls[0].rounds_left() + ls[1].rounds_left(), 8);
  EXPECT_EQ(ls[2].rounds_left(), 0);
  EXPECT_EQ(m.total_stock(), 0);
}

}  // namespace
}  // namespace skyshield
