package contracts

// Types the proxy family reports in type_and_version: the proxy's, and its
// child's.
const (
	ProxyType      = "com.example.upgrades.Proxy"
	ProxyChildType = "com.example.upgrades.ProxyChild"
)

// Opcodes of the proxy family (proxy/messages.tact).
const (
	// OpProxyIncrement is message(0x50580001) Increment { by: Int as
	// uint32 }, sent to the proxy by anyone.
	OpProxyIncrement = 0x50580001
	// OpProxyChildIncrement is message(0x50580002) ChildIncrement {
	// origin: Address; by: Int as uint32 }, Increment as the proxy
	// forwards it to the child.
	OpProxyChildIncrement = 0x50580002
	// OpProxyUpgradeChild is message(0x50580003) UpgradeChild { code: Cell },
	// sent to the proxy by its owner.
	OpProxyUpgradeChild = 0x50580003
	// OpProxyUpgradeCode is message(0x50580004) UpgradeCode { origin:
	// Address; code: Cell }, UpgradeChild as the proxy forwards it; the
	// child takes it from the proxy only.
	OpProxyUpgradeCode = 0x50580004
	// OpProxySpawnChild is message(0x50580005) SpawnChild {}, which deploys
	// the child; the proxy's owner only.
	OpProxySpawnChild = 0x50580005
)
