// SPDX-License-Identifier: GPL-2.0
/*
 * The per-vantage token bucket of draft §4.1 (lines 449-482) as an XDP program: a BFD Control
 * packet over UDP/IPv4 is keyed by its My Discriminator (RFC 5880 §4.1, payload bytes 4-7; draft
 * §4.1 step 1 "Coherence-BFD My Discriminator mapping"), its bucket is refilled and a token taken
 * (step 2, XDP_PASS) or it is dropped (step 3, XDP_DROP) and counted. Everything else passes.
 *
 * Arithmetic is model/token-bucket.ts TokenBucket.offer's, in integers, with time in ns from
 * bpf_ktime_get_ns instead of µs: every quantity in units is scaled by 1000 (src/wire/xdp.ts
 * writes unitsPerToken * 1000, capacityUnits * 1000 and refillPerUs, which is then units per ns).
 *
 * Compile-time defines (mutants for the parity check, never used by the bench):
 *   PERFSEC_MUTANT_BURST_PLUS_ONE  the bucket holds one token more than the policy says;
 *   PERFSEC_MUTANT_DOUBLE_RATE     the bucket refills twice as fast.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

/* Bucket parameters, written once by user space before any bucket is created. */
struct config {
	__u64 token;     /* unitsPerToken * 1000 */
	__u64 refill;    /* refillPerUs: units (scaled) per ns */
	__u64 capacity;  /* capacityUnits * 1000 */
	__u32 udp_port;  /* destination port to limit, host order; 0: any port, BFD-shaped payloads only */
	__u32 ready;     /* 1 once written; until then everything passes */
};

/* One bucket: scaled units and the time of its last refill (0: never, i.e. full, as the model's at time 0). */
struct bucket {
	struct bpf_spin_lock lock;
	__u32 pad;
	__u64 units;
	__u64 last_ns;
};

/* Counters: limited packets passed, dropped by the bucket, dropped unkeyed, other traffic passed. */
enum { C_PASSED, C_DROPPED, C_UNKEYED, C_OTHER, C_N };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct config);
} config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32); /* My Discriminator, host order */
	__type(value, struct bucket);
} buckets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, C_N);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static __always_inline int count(__u32 which, int verdict)
{
	__u64 *c = bpf_map_lookup_elem(&counters, &which);

	if (c)
		*c += 1; /* per-CPU slot: no atomic needed */
	return verdict;
}

SEC("xdp")
int perfsec_limiter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 zero = 0;

	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return count(C_OTHER, XDP_PASS);
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || ip->protocol != IPPROTO_UDP || ip->ihl < 5)
		return count(C_OTHER, XDP_PASS);
	if (ip->frag_off & bpf_htons(0x1fff)) /* a later fragment carries no discriminator */
		return count(C_OTHER, XDP_PASS);
	struct udphdr *udp = (void *)ip + ip->ihl * 4;
	if ((void *)(udp + 1) > end)
		return count(C_OTHER, XDP_PASS);
	__u8 *p = (void *)(udp + 1);

	struct config *cfg = bpf_map_lookup_elem(&config, &zero);
	if (!cfg || !cfg->ready)
		return count(C_OTHER, XDP_PASS);
	if (cfg->udp_port) {
		/* the broker's port: keyed as src/pipeline/admission.ts admitPush does (8 bytes suffice) */
		if (udp->dest != bpf_htons(cfg->udp_port) || (void *)(p + 8) > end)
			return count(C_OTHER, XDP_PASS);
	} else if ((void *)(p + 24) > end || (p[0] >> 5) != 1 || p[3] < 24) {
		return count(C_OTHER, XDP_PASS); /* any port: only what looks like BFD Control (version 1, length >= 24) */
	}
	__u32 disc = ((__u32)p[4] << 24) | ((__u32)p[5] << 16) | ((__u32)p[6] << 8) | p[7];

	struct bucket *b = bpf_map_lookup_elem(&buckets, &disc);
	if (!b) /* admission.ts rejects an unknown discriminator before the bucket */
		return count(C_UNKEYED, XDP_DROP);

	__u64 cap = cfg->capacity, rate = cfg->refill, token = cfg->token;
#ifdef PERFSEC_MUTANT_BURST_PLUS_ONE
	cap += token;
#endif
#ifdef PERFSEC_MUTANT_DOUBLE_RATE
	rate *= 2;
#endif
	__u64 now = bpf_ktime_get_ns();
	int pass;

	bpf_spin_lock(&b->lock);
	__u64 dt = now - b->last_ns;
	/* min(capacity, units + dt * rate) without overflow: a gap long enough to fill the bucket fills it */
	__u64 u = (b->last_ns == 0 || dt >= cap / rate + 1) ? cap : b->units + dt * rate;
	if (u > cap)
		u = cap;
	b->last_ns = now;
	pass = u >= token;
	b->units = pass ? u - token : u;
	bpf_spin_unlock(&b->lock);
	return pass ? count(C_PASSED, XDP_PASS) : count(C_DROPPED, XDP_DROP);
}

char LICENSE[] SEC("license") = "GPL";
