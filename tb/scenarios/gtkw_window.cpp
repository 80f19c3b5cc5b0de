// SPDX-License-Identifier: MIT
#include "gtkw_window.h"

#include "wave_views.h"

#include <cmath>
#include <sstream>

namespace irqsim {

std::string view_for_scenario(const std::string& label)
{
    if (label == "ipi")
        return "ipi";
    // the TI path: ring events through INTA/INTR (also the IMS device over the INTA doorbell)
    if (label == "dma-ring" || label == "ims:inta")
        return "dma-ring";
    return "spi";  // SPIs (lines, MBI) and the shared GIC signals (LPIs arrive at the same CPU interface)
}

namespace {

// msb of `name[msb:0]` as the view declares it, or dflt
unsigned view_msb(const std::string& view, const std::string& name, unsigned dflt)
{
    size_t p = view.find(name + "[");
    if (p == std::string::npos)
        return dflt;
    return static_cast<unsigned>(std::strtoul(view.c_str() + p + name.size() + 1, nullptr, 10));
}

}  // namespace

std::string failure_gtkw(const FailureView& v)
{
    const uint64_t t0 = v.start * 1000, t1 = v.end * 1000;
    // GTKWave shows about 2^-zoom * 4.69 time units across the wave pane of the
    // views' 1400x900 window (measured with gtkwave 3.3.118: getWindowEndTime);
    // 4.5 leaves a small margin so the whole window fits.
    double zoom = -std::log2(static_cast<double>(t1 > t0 ? t1 - t0 : 1000) / 4.5);
    long long named[26];
    for (auto& n : named)
        n = -1;
    for (size_t i = 0; i < v.markers.size() && i < 26; i++)
        named[i] = static_cast<long long>(v.markers[i].cycle * 1000);
    long long primary = v.markers.empty() ? -1 : static_cast<long long>(v.markers.back().cycle * 1000);

    std::ostringstream head;
    head << "[dumpfile] \"" << v.fst_path << "\"\n";
    head << "[timestart] " << t0 << "\n";
    head << "*" << zoom << " " << primary;
    for (auto n : named)
        head << " " << n;
    head << "\n";
    for (size_t i = 0; i < v.markers.size() && i < 26; i++)
        head << "[markername] " << static_cast<char>('A' + i) << v.markers[i].name << "\n";

    // The failing event's own signals, highlighted (flag 0x1) in red ([color] 1),
    // one bit each, picked out of the vectors by GTKWave's (index) syntax: index 0
    // is the most significant bit.
    std::ostringstream grp;
    grp << "@800200\n-" << v.title << "\n";
    if (v.intid >= 32) {
        unsigned k = v.intid - 32;
        unsigned line_msb = view_msb(v.view_text, "TOP.line_in", 31);
        unsigned spi_msb = view_msb(v.view_text, "TOP.mon_spi_pending", 95);
        if (k <= line_msb)
            grp << "@29\n[color] 1\n+{line_in[" << k << "] (INTID " << v.intid << ")} (" << line_msb - k
                << ")TOP.line_in[" << line_msb << ":0]\n";
        if (k <= spi_msb) {
            grp << "@29\n[color] 1\n+{spi_pending INTID " << v.intid << "} (" << spi_msb - k
                << ")TOP.mon_spi_pending[" << spi_msb << ":0]\n";
            grp << "@29\n[color] 1\n+{spi_active INTID " << v.intid << "} (" << spi_msb - k
                << ")TOP.mon_spi_active[" << spi_msb << ":0]\n";
        }
    }
    if (v.cpu >= 0) {
        unsigned irq_msb = view_msb(v.view_text, "TOP.irq_out", 4);
        unsigned c = static_cast<unsigned>(v.cpu);
        if (c <= irq_msb)
            grp << "@29\n[color] 1\n+{cpu" << c << " irq_out} (" << irq_msb - c << ")TOP.irq_out[" << irq_msb
                << ":0]\n";
    }
    grp << "@1000200\n-" << v.title << "\n";

    // The view, minus what the window replaces; the group goes before its first trace.
    std::ostringstream out;
    std::istringstream in(v.view_text);
    std::string line;
    bool head_done = false, grp_done = false;
    auto put_head = [&] {
        if (!head_done)
            out << head.str();
        head_done = true;
    };
    while (std::getline(in, line)) {
        if (line.rfind("[dumpfile]", 0) == 0 || line.rfind("[savefile]", 0) == 0 ||
            line.rfind("[timestart]", 0) == 0 || line.rfind("[markername", 0) == 0 ||
            (line.rfind("*", 0) == 0 && line.size() > 1 && line[1] != ' ')) {
            put_head();
            continue;
        }
        // a committed view names its wave labels beside it ([savefile], dropped above): this
        // view is elsewhere, so it names them in waves_dir()
        const std::string beside = " /irqsim/waves/labels/";
        if (!line.empty() && line[0] == '^' && line.find(beside) != std::string::npos)
            line.replace(line.find(beside), beside.size(), " " + waves_dir() + "/labels/");
        if (!grp_done && !line.empty() && line[0] == '@') {
            put_head();
            out << grp.str();
            grp_done = true;
        }
        out << line << "\n";
    }
    put_head();
    if (!grp_done)
        out << grp.str();
    return out.str();
}

}  // namespace irqsim
